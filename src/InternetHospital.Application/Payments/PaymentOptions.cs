using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Payments;

/// <summary>Section <c>Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary><c>Simulated</c> (development default) or <c>Stripe</c>.</summary>
    [Required]
    public string Gateway { get; set; } = "Simulated";

    /// <summary>ISO 4217 code of the hospital's currency.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "CNY";
}
