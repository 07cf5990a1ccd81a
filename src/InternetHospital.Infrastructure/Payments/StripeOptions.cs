using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Payments;

/// <summary>Section <c>Payments:Stripe</c>, used when <c>Payments:Gateway</c> is <c>Stripe</c>. Keys come from the environment, never the repository.</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>The secret API key (<c>sk_test_...</c> for test mode).</summary>
    [Required]
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The endpoint's signing secret (<c>whsec_...</c>) that webhook signatures are checked against.</summary>
    [Required]
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Where the API is; only changed to point at a local fake in tests.</summary>
    [Url]
    public string? ApiBase { get; set; }

    /// <summary>How old a webhook's signed timestamp may be (replay protection).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
