using InternetHospital.Domain.Drugs;
using InternetHospital.Infrastructure.Renewals;

namespace InternetHospital.UnitTests.Renewals;

/// <summary>Each automated pharmacist check, on the bundled catalogue and interaction table.</summary>
public sealed class PrescriptionChecksTests
{
    private static readonly IReadOnlyList<Drug> Catalogue = DrugCatalogueData.Drugs();
    private static readonly IReadOnlyList<DrugInteraction> Interactions = DrugCatalogueData.Interactions();

    private static Drug D(string code) => Catalogue.Single(d => d.Code == code);

    private static CheckedLine Line(string code, decimal dailyDose) => new(D(code), dailyDose);

    private static OtherMedication Other(string code) => new(D(code), D(code).GenericNameEn, "his");

    private static IReadOnlyList<CheckFinding> Run(IReadOnlyList<CheckedLine> lines, IReadOnlyList<OtherMedication>? others = null, IReadOnlyList<string>? allergies = null, int age = 60) =>
        PrescriptionChecks.Run(lines, others ?? [], allergies ?? [], age, Interactions);

    [Fact]
    public void Amlodipine_with_clarithromycin_on_the_his_list_is_a_severe_interaction_with_advice()
    {
        var finding = Assert.Single(Run([Line("C08CA01-5", 5)], [Other("J01FA09-250"), Other("C10AA05-20")]));

        Assert.Equal(FindingKind.Interaction, finding.Kind);
        Assert.Equal(FindingSeverity.Severe, finding.Severity);
        Assert.Equal("Clarithromycin", finding.OtherNameEn);
        Assert.Equal("Major", finding.Parameters["interactionSeverity"]);
        Assert.Contains("azithromycin", finding.AdviceEn, StringComparison.Ordinal);
        Assert.Contains("阿奇霉素", finding.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("B01AC04-75", 75, "A02BC01-20", FindingSeverity.Severe)]
    [InlineData("C10AA01-20", 20, "J01FA09-250", FindingSeverity.Severe)]
    [InlineData("B01AA03-2.5", 5, "B01AC06-100", FindingSeverity.Severe)]
    [InlineData("C10AA07-10", 10, "B01AC04-75", FindingSeverity.Warning)]
    [InlineData("H03AA01-50", 100, "A02BC01-20", FindingSeverity.Info)]
    public void Well_known_pairs_are_found_in_either_order_with_their_severity(string prescribed, decimal dailyDose, string other, FindingSeverity severity)
    {
        var finding = Assert.Single(Run([Line(prescribed, dailyDose)], [Other(other)]), f => f.Kind == FindingKind.Interaction);
        Assert.Equal(severity, finding.Severity);

        var reversed = Assert.Single(Run([Line(other, D(other).MinDailyDose)], [Other(prescribed)]), f => f.Kind == FindingKind.Interaction);
        Assert.Equal(severity, reversed.Severity);
    }

    [Fact]
    public void Two_lines_of_one_prescription_are_checked_against_each_other()
    {
        var findings = Run([Line("B01AC04-75", 75), Line("A02BC01-20", 20)]);

        Assert.Single(findings, f => f.Kind == FindingKind.Interaction && f.Severity == FindingSeverity.Severe);
    }

    [Fact]
    public void Two_drugs_of_one_atc_class_are_duplicate_therapy_but_renewing_the_same_drug_is_not()
    {
        var duplicate = Assert.Single(Run([Line("C08CA01-5", 5)], [Other("C08CA05-30")]));
        Assert.Equal(FindingKind.DuplicateTherapy, duplicate.Kind);
        Assert.Equal(FindingSeverity.Warning, duplicate.Severity);
        Assert.Equal("C08CA", duplicate.Parameters["atcClass"]);

        Assert.Empty(Run([Line("C08CA01-5", 5)], [Other("C08CA01-5")]));
    }

    [Fact]
    public void A_daily_dose_above_the_range_is_severe_and_below_it_a_warning()
    {
        var above = Assert.Single(Run([Line("C08CA01-5", 20)]));
        Assert.Equal((FindingKind.DoseRange, FindingSeverity.Severe), (above.Kind, above.Severity));
        Assert.Equal(("20", "2.5", "10", "mg", "above"), (above.Parameters["dailyDose"], above.Parameters["min"], above.Parameters["max"], above.Parameters["unit"], above.Parameters["direction"]));

        var below = Assert.Single(Run([Line("A10BA02-500", 250)]));
        Assert.Equal((FindingKind.DoseRange, FindingSeverity.Warning), (below.Kind, below.Severity));

        Assert.Empty(Run([Line("A10AE04-300", 24)]));
    }

    [Fact]
    public void An_allergy_on_record_matches_the_drug_class_in_either_language()
    {
        var finding = Assert.Single(Run([Line("J01CA04-500", 1500)], allergies: ["青霉素 Penicillin"]));
        Assert.Equal((FindingKind.Allergy, FindingSeverity.Severe), (finding.Kind, finding.Severity));

        Assert.Single(Run([Line("C03AA03-25", 25)], allergies: ["磺胺类药物"]), f => f.Kind == FindingKind.Allergy);
        Assert.Empty(Run([Line("C08CA01-5", 5)], allergies: ["青霉素 Penicillin"]));
    }

    [Fact]
    public void Age_limits_flag_children_below_the_minimum_and_older_people_above_the_maximum()
    {
        var child = Assert.Single(Run([Line("B01AC06-100", 100)], age: 12));
        Assert.Equal((FindingKind.Age, FindingSeverity.Severe), (child.Kind, child.Severity));

        var older = Assert.Single(Run([Line("A10BB01-2.5", 5)], age: 70));
        Assert.Equal((FindingKind.Age, FindingSeverity.Warning), (older.Kind, older.Severity));

        Assert.Empty(Run([Line("A10BB01-2.5", 5)], age: 50));
    }

    [Fact]
    public void A_medicine_the_catalogue_does_not_know_is_reported_as_not_checked()
    {
        var finding = Assert.Single(Run([Line("C08CA01-5", 5)], [new OtherMedication(null, "某中成药", "his")]));

        Assert.Equal((FindingKind.NotChecked, FindingSeverity.Info), (finding.Kind, finding.Severity));
        Assert.Equal("某中成药", finding.OtherName);
    }

    [Fact]
    public void The_catalogue_has_the_common_chronic_medicines_and_special_control_drugs_and_sane_entries()
    {
        string[] chronic = ["Amlodipine", "Nifedipine", "Losartan", "Valsartan", "Metformin", "Gliclazide", "Insulin glargine", "Atorvastatin", "Rosuvastatin", "Levothyroxine", "Aspirin", "Clopidogrel", "Omeprazole"];
        foreach (var name in chronic)
        {
            Assert.Contains(Catalogue, d => d.GenericNameEn.StartsWith(name, StringComparison.Ordinal) && !d.IsSpecialControl);
        }

        Assert.All(new[] { "Diazepam", "Alprazolam", "Tramadol", "Morphine" }, name => Assert.True(Catalogue.Single(d => d.GenericNameEn.StartsWith(name, StringComparison.Ordinal)).IsSpecialControl));
        Assert.Equal(Catalogue.Count, Catalogue.Select(d => d.Code).Distinct().Count());
        Assert.All(Catalogue, d => Assert.Matches("^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$", d.AtcCode));
        Assert.All(Catalogue, d => Assert.InRange(d.MaxDaysSupply, 1, 84));
        Assert.Equal(Interactions.Count, Interactions.Select(i => (i.AtcA, i.AtcB)).Distinct().Count());
        Assert.All(DrugCatalogueData.DemoHisCodes.Values, code => Assert.Contains(Catalogue, d => d.Code == code));
    }
}
