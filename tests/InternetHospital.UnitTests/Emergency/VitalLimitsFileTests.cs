using System.Text.Json;
using InternetHospital.Domain.Emergency;
using InternetHospital.UnitTests.Architecture;

namespace InternetHospital.UnitTests.Emergency;

/// <summary>
/// The crew's phone shows the vital-sign limits next to each field, offline too, so the SPA ships them in a JSON file
/// (web/src/features/emergency/api/vital-limits.json); the server's <see cref="VitalSigns.Limits"/> are the source.
/// This fails when the two drift apart, instead of the phone accepting what the server then refuses.
/// </summary>
public sealed class VitalLimitsFileTests
{
    [Fact]
    public void The_spa_shows_the_limits_the_server_checks()
    {
        var path = Path.Combine(UseCaseFileTests.RepositoryRoot(), "web", "src", "features", "emergency", "api", "vital-limits.json");
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        var spa = file.RootElement.EnumerateObject()
            .Select(f => (f.Name, Min: f.Value.GetProperty("min").GetDecimal(), Max: f.Value.GetProperty("max").GetDecimal()))
            .ToList();

        Assert.Equal(VitalSigns.Limits.Select(l => (l.Field, l.Min, l.Max)), spa);
    }
}
