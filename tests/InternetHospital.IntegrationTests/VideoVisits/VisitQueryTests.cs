using System.Collections.Concurrent;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Reading a visit with its note, addenda, events and consents loads several collections; in one joined query every row
/// of one repeats per row of the others (EF warns with MultipleCollectionIncludeWarning). The read must not do that.
/// Own host: the test listens to the warnings.
/// </summary>
public abstract class VisitQueryTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Reading_a_visit_with_all_its_parts_loads_no_collections_in_one_joined_query()
    {
        var warnings = new ConcurrentQueue<string>();
        await using var host = await OwnApiHost.StartAsync(Provider, builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new WarningCapture(warnings))), reuseSeed: true);
        var booked = await VisitScenario.BookAsync(host.Services, () => VisitScenario.NewPatientAsync(host));
        await (await booked.Patient.Api.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in", null)).ReadJsonAsync();

        var visit = await (await booked.Patient.Api.GetAsync($"/api/video-visits/{booked.AppointmentId}")).ReadJsonAsync();

        Assert.True(visit.TryGetProperty("trace", out _));
        Assert.DoesNotContain(warnings, w => w.Contains("MultipleCollectionIncludeWarning", StringComparison.Ordinal) || w.Contains("QuerySplittingBehavior", StringComparison.Ordinal));
    }

    private sealed class WarningCapture(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{eventId.Name}: {formatter(state, exception)}");
                }
            }
        }
    }
}

public sealed class VisitQueryTestsOnSqlite : VisitQueryTests
{
    protected override string Provider => "Sqlite";
}

public sealed class VisitQueryTestsOnPostgres : VisitQueryTests
{
    protected override string Provider => "PostgreSQL";
}
