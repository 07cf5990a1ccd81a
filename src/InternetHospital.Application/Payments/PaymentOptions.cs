using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Payments;

/// <summary>Section <c>Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// The one provider when <see cref="Providers"/> is empty: <c>Simulated</c> (development default), <c>Stripe</c>,
    /// <c>WeChatPay</c> or <c>Alipay</c>.
    /// </summary>
    [Required]
    public string Gateway { get; set; } = "Simulated";

    /// <summary>
    /// The providers the hospital offers, in the order the payer sees them (e.g. <c>WeChatPay</c>, <c>Alipay</c>,
    /// <c>Stripe</c>); the first is where a payment starts. Empty: just <see cref="Gateway"/>.
    /// </summary>
    public List<string> Providers { get; set; } = [];

    /// <summary>The enabled providers, de-duplicated, first = default.</summary>
    public IReadOnlyList<string> EnabledProviders() =>
        (Providers.Count > 0 ? Providers : [Gateway]).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>ISO 4217 code of the hospital's currency.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "CNY";
}
