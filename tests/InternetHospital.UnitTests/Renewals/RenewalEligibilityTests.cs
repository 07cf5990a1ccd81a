using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;
using InternetHospital.Infrastructure.Renewals;

namespace InternetHospital.UnitTests.Renewals;

public sealed class RenewalEligibilityTests
{
    private static Drug D(string code) => DrugCatalogueData.Drugs().Single(d => d.Code == code);

    [Fact]
    public void A_chronic_medicine_prescribed_before_within_the_limits_is_eligible()
    {
        Assert.Empty(RenewalEligibility.Evaluate(D("C08CA01-5"), previouslyPrescribed: true, hasOpenRequest: false, daysSupply: 84, longPrescriptionLimit: 84));
    }

    [Fact]
    public void A_special_control_drug_is_never_eligible_whatever_else_holds()
    {
        var reasons = RenewalEligibility.Evaluate(D("N05BA12-0.4"), previouslyPrescribed: true, hasOpenRequest: false, daysSupply: 7, longPrescriptionLimit: 84);

        Assert.Equal([RenewalEligibility.SpecialControl], reasons);
    }

    [Fact]
    public void Every_reason_is_given_and_the_special_control_reason_first()
    {
        var reasons = RenewalEligibility.Evaluate(D("N02AA01-30"), previouslyPrescribed: false, hasOpenRequest: true, daysSupply: 90, longPrescriptionLimit: 84);

        Assert.Equal(
            [RenewalEligibility.SpecialControl, RenewalEligibility.NotPreviouslyPrescribed, RenewalEligibility.OpenRequestExists, RenewalEligibility.OverDrugMaximum, RenewalEligibility.OverLongPrescriptionLimit],
            reasons);
    }

    [Fact]
    public void The_hospital_may_lower_the_long_prescription_limit_and_a_drug_may_have_a_lower_maximum()
    {
        Assert.Equal([RenewalEligibility.OverLongPrescriptionLimit], RenewalEligibility.Evaluate(D("C08CA01-5"), true, false, 60, longPrescriptionLimit: 56));
        Assert.Equal(56, RenewalEligibility.MaxDaysSupply(D("C08CA01-5"), 56));
        Assert.Equal([RenewalEligibility.OverDrugMaximum], RenewalEligibility.Evaluate(D("B01AA03-2.5"), true, false, 56, 84));
        Assert.Equal(28, RenewalEligibility.MaxDaysSupply(D("B01AA03-2.5"), 84));
    }

    [Fact]
    public void The_rule_ceiling_of_84_days_holds_even_if_configuration_says_more()
    {
        Assert.Equal([RenewalEligibility.OverLongPrescriptionLimit], RenewalEligibility.Evaluate(D("C08CA01-5"), true, false, 85, longPrescriptionLimit: 120).Where(r => r == RenewalEligibility.OverLongPrescriptionLimit));
        Assert.Equal(84, RenewalEligibility.MaxDaysSupply(D("C08CA01-5"), 120));
    }

    [Fact]
    public void No_days_and_unknown_medicines_are_not_eligible()
    {
        Assert.Equal([RenewalEligibility.DaysSupplyInvalid], RenewalEligibility.Evaluate(D("C08CA01-5"), true, false, 0, 84));
        Assert.Equal([RenewalEligibility.NotInCatalogue], RenewalEligibility.Evaluate(null, true, false, 28, 84));
    }
}
