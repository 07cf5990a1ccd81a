using InternetHospital.IntegrationTests.Infrastructure;

namespace InternetHospital.IntegrationTests.Platform;

[Collection(SqliteCollection.Name)]
public sealed class PortalSettingsTests(SqliteApiFactory factory)
{
    [Fact]
    public async Task The_spa_reads_the_server_settings_before_anyone_signs_in()
    {
        var settings = await (await factory.CreateBrowserClient().GetAsync("/api/config")).ReadJsonAsync();

        Assert.Equal("Asia/Shanghai", settings.GetProperty("timeZone").GetString());
        Assert.Equal(30, settings.GetProperty("idleTimeoutMinutes").GetInt32());
        Assert.Equal(8, settings.GetProperty("passwordMinLength").GetInt32());
        Assert.Equal(10 * 1024 * 1024, settings.GetProperty("maxUploadBytes").GetInt64());
    }
}
