using InternetHospital.Domain.Drugs;

namespace InternetHospital.Domain.Renewals;

/// <summary>
/// Whether a medicine may be renewed online, with every reason it may not (the client shows them before submitting;
/// the server refuses with the first one as a 422 code).
/// </summary>
public static class RenewalEligibility
{
    /// <summary>The catalogue does not know this medicine, so nothing can be checked: it needs a visit.</summary>
    public const string NotInCatalogue = "drug_not_in_catalogue";

    /// <summary>Domain rule 8: special-control drugs are never prescribed online.</summary>
    public const string SpecialControl = "special_control_drug";

    /// <summary>Renewal means "again": the medicine must have been prescribed to this patient before (HIS or here).</summary>
    public const string NotPreviouslyPrescribed = "not_previously_prescribed";

    public const string OpenRequestExists = "open_request_exists";

    public const string DaysSupplyInvalid = "days_supply_invalid";

    public const string OverDrugMaximum = "days_supply_over_drug_maximum";

    /// <summary>Domain rule 9: at most 12 weeks for a stable chronic condition (the hospital may set less).</summary>
    public const string OverLongPrescriptionLimit = "days_supply_over_limit";

    /// <summary>The rule's ceiling; configuration may only lower it.</summary>
    public const int LongPrescriptionMaximumDays = 84;

    public static IReadOnlyList<string> Evaluate(Drug? drug, bool previouslyPrescribed, bool hasOpenRequest, int daysSupply, int longPrescriptionLimit)
    {
        if (drug is null)
        {
            return [NotInCatalogue];
        }

        var reasons = new List<string>();
        if (drug.IsSpecialControl)
        {
            reasons.Add(SpecialControl);
        }

        if (!previouslyPrescribed)
        {
            reasons.Add(NotPreviouslyPrescribed);
        }

        if (hasOpenRequest)
        {
            reasons.Add(OpenRequestExists);
        }

        reasons.AddRange(DaysSupplyReasons(drug, daysSupply, longPrescriptionLimit));
        return reasons;
    }

    /// <summary>Why a days supply is not allowed for this drug (also used when a doctor changes the quantity).</summary>
    public static IReadOnlyList<string> DaysSupplyReasons(Drug drug, int daysSupply, int longPrescriptionLimit)
    {
        ArgumentNullException.ThrowIfNull(drug);
        if (daysSupply < 1)
        {
            return [DaysSupplyInvalid];
        }

        var reasons = new List<string>();
        if (daysSupply > drug.MaxDaysSupply)
        {
            reasons.Add(OverDrugMaximum);
        }

        if (daysSupply > Math.Min(longPrescriptionLimit, LongPrescriptionMaximumDays))
        {
            reasons.Add(OverLongPrescriptionLimit);
        }

        return reasons;
    }

    /// <summary>The longest supply allowed for the drug under the hospital's limit.</summary>
    public static int MaxDaysSupply(Drug drug, int longPrescriptionLimit)
    {
        ArgumentNullException.ThrowIfNull(drug);
        return Math.Min(drug.MaxDaysSupply, Math.Min(longPrescriptionLimit, LongPrescriptionMaximumDays));
    }
}
