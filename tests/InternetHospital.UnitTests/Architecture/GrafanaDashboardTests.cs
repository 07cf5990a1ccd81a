using System.Text.Json;
using System.Text.RegularExpressions;
using InternetHospital.Application.Common.Telemetry;

namespace InternetHospital.UnitTests.Architecture;

/// <summary>
/// The shipped Grafana dashboard queries only series the API emits: a renamed instrument (or a typo in a panel)
/// would otherwise leave an empty panel nobody notices until the night it is needed.
/// </summary>
public sealed partial class GrafanaDashboardTests
{
    private static readonly string DashboardPath = Path.Combine(UseCaseFileTests.RepositoryRoot(), "infra", "grafana", "internet-hospital.json");

    [Fact]
    public void Every_panel_queries_only_series_the_API_emits()
    {
        var panels = Panels();
        Assert.NotEmpty(panels);
        foreach (var (title, expressions) in panels)
        {
            Assert.NotEmpty(expressions);
            var metrics = expressions.SelectMany(MetricNames).ToList();
            Assert.True(metrics.Count > 0, $"Panel '{title}' queries no metric.");
            foreach (var metric in metrics)
            {
                Assert.True(AppTelemetry.PrometheusSeries.Contains(metric), $"Panel '{title}' queries '{metric}', which the API does not emit.");
            }
        }
    }

    [Fact]
    public void Every_instrument_of_the_portal_has_a_panel()
    {
        var queried = Panels().SelectMany(p => p.Expressions).SelectMany(MetricNames).ToHashSet();
        foreach (var instrument in new[] { AppTelemetry.BookingsCreated, AppTelemetry.OutboxPending, AppTelemetry.OutboxOldestAge, AppTelemetry.OutboxDeadLetters, AppTelemetry.VideoActiveRooms, AppTelemetry.HisCallDuration, AppTelemetry.HisCircuitState })
        {
            var prefix = instrument.Replace('.', '_');
            Assert.True(queried.Any(q => q.StartsWith(prefix, StringComparison.Ordinal)), $"No panel shows {instrument}.");
        }
    }

    [Theory]
    [InlineData("sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{http_route=~\"/api.*\"}[5m]))", "http_server_request_duration_seconds_bucket")]
    [InlineData("max by (outbox) (ih_outbox_pending) / ignoring(x) ih_nope", "ih_outbox_pending,ih_nope")]
    public void The_expression_reader_finds_the_metric_names(string expression, string expected) =>
        Assert.Equal(expected.Split(','), MetricNames(expression));

    private static List<(string Title, List<string> Expressions)> Panels()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        return document.RootElement.GetProperty("panels").EnumerateArray()
            .Select(panel => (
                panel.GetProperty("title").GetString()!,
                panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList()))
            .ToList();
    }

    /// <summary>
    /// The metric names of a PromQL expression: what is left after label matchers, ranges, grouping clauses, strings
    /// and numbers are removed, minus the function names (followed by a parenthesis) and the operators' keywords.
    /// </summary>
    internal static List<string> MetricNames(string expression)
    {
        var stripped = Noise().Replace(expression, " ");
        return Identifier().Matches(stripped)
            .Where(m => !Keywords.Contains(m.Value))
            .Where(m => !stripped[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .ToList();
    }

    private static readonly HashSet<string> Keywords = ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset"];

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]|\b(?:by|without|on|ignoring)\s*\([^)]*\)|""[^""]*""|\b\d+(?:\.\d+)?\b")]
    private static partial Regex Noise();

    [GeneratedRegex(@"[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}
