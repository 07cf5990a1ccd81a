using System.ComponentModel.DataAnnotations;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Infrastructure.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.UnitTests.VideoVisits;

/// <summary>Section Video with Media = Janus: what a host refuses to start with.</summary>
public sealed class JanusOptionsTests
{
    private static VideoOptions Janus(Action<JanusOptions>? change = null)
    {
        var options = new VideoOptions
        {
            Media = MediaPath.Janus,
            Janus = new JanusOptions
            {
                ApiUrl = new Uri("http://janus:8088/janus"),
                AdminUrl = new Uri("http://janus:7088/admin"),
                AdminSecret = "a-long-admin-secret-for-janus",
                BrowserUrl = new Uri("wss://portal.example-hospital.cn/janus"),
            },
        };
        change?.Invoke(options.Janus);
        return options;
    }

    private static List<string> Failures(VideoOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

    [Fact]
    public void The_mesh_needs_nothing_of_Janus_and_a_complete_Janus_section_passes()
    {
        Assert.Empty(Failures(new VideoOptions()));
        Assert.Empty(Failures(Janus()));
    }

    [Fact]
    public void Janus_needs_its_urls_an_admin_secret_and_a_websocket_url_for_browsers()
    {
        Assert.Contains(Failures(Janus(j => j.AdminUrl = null)), f => f.Contains("Video:Janus:AdminUrl", StringComparison.Ordinal));
        Assert.Contains(Failures(Janus(j => j.ApiUrl = null)), f => f.Contains("Video:Janus:ApiUrl", StringComparison.Ordinal));
        Assert.Contains(Failures(Janus(j => j.AdminSecret = "short")), f => f.Contains("Video:Janus:AdminSecret", StringComparison.Ordinal));
        Assert.Contains(Failures(Janus(j => j.BrowserUrl = new Uri("https://portal.example-hospital.cn/janus"))), f => f.Contains("Video:Janus:BrowserUrl", StringComparison.Ordinal));
        Assert.Contains(Failures(Janus(j => j.MaxParticipants = 1)), f => f.Contains("MaxParticipants", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "ws://127.0.0.1:8188", true)]
    [InlineData(false, "ws://janus.example-hospital.cn:8188", false)]
    [InlineData(false, "wss://portal.example-hospital.cn/janus", true)]
    public void Browsers_reach_Janus_over_TLS_outside_Development(bool development, string browserUrl, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Video:Media"] = "Janus",
            ["Video:Janus:ApiUrl"] = "http://janus:8088/janus",
            ["Video:Janus:AdminUrl"] = "http://janus:7088/admin",
            ["Video:Janus:AdminSecret"] = "a-long-admin-secret-for-janus",
            ["Video:Janus:BrowserUrl"] = browserUrl,
        }).Build();

        var register = () => MediaRegistration.AddMediaServer(new ServiceCollection(), configuration, development);
        if (starts)
        {
            register();
        }
        else
        {
            Assert.Contains("wss://", Assert.Throws<InvalidOperationException>(register).Message, StringComparison.Ordinal);
        }
    }
}
