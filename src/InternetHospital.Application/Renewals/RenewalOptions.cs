using System.ComponentModel.DataAnnotations;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>Section <c>Renewals</c>: the hospital's choices within the online prescription rules.</summary>
public sealed class RenewalOptions
{
    public const string Section = "Renewals";

    /// <summary>
    /// Longest supply of one prescription for a stable chronic condition (domain rule 9: at most 84 days; the hospital
    /// may set less; a drug's own maximum may be lower still).
    /// </summary>
    [Range(1, RenewalEligibility.LongPrescriptionMaximumDays)]
    public int LongPrescriptionMaxDays { get; set; } = RenewalEligibility.LongPrescriptionMaximumDays;

    /// <summary>The days supply offered by default when a patient asks for a renewal.</summary>
    [Range(1, RenewalEligibility.LongPrescriptionMaximumDays)]
    public int DefaultDaysSupply { get; set; } = 28;
}
