using InternetHospital.Application.Appointments;
using InternetHospital.Application.His;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.UnitTests.Appointments;

public sealed class BookingRulesTests
{
    [Theory]
    [InlineData(0, 0, 0, null)]
    [InlineData(1, 0, 0, "overlapping_appointment")]
    [InlineData(0, 1, 0, "same_doctor_same_day")]
    [InlineData(0, 0, 2, null)]
    [InlineData(0, 0, 3, "too_many_holds")]
    public void A_new_hold_is_checked_against_overlaps_the_doctor_day_and_three_holds(int overlapping, int sameDay, int holds, string? expected)
    {
        Assert.Equal(expected, BookingRules.Evaluate(overlapping, sameDay, holds, isNewHold: true, maxHolds: 3));
    }

    [Fact]
    public void Moving_an_existing_appointment_does_not_count_as_another_hold()
    {
        Assert.Null(BookingRules.Evaluate(0, 0, 3, isNewHold: false, maxHolds: 3));
    }

    [Theory]
    [InlineData("I20-I25", "I25.10", true)]
    [InlineData("I20-I25", "I26", false)]
    [InlineData("E78", "E78.5", true)]
    [InlineData("I10-I15", "i10", true)]
    [InlineData("I10-I15", "", false)]
    public void Icd10_ranges_match_by_category(string range, string code, bool expected)
    {
        Assert.Equal(expected, Icd10Range.Parse(range).Contains(code));
    }

    [Theory]
    [InlineData("I25-I20")]
    [InlineData("I10-E15")]
    [InlineData("hypertension")]
    public void Invalid_ranges_are_refused(string range)
    {
        Assert.False(Icd10Range.TryParse(range, out _));
    }

    [Fact]
    public void Only_an_in_person_diagnosis_of_the_departments_conditions_within_the_look_back_counts()
    {
        var cardiology = DepartmentConditions.Create(Guid.NewGuid(), ["I10-I15", "E78"]);
        var start = new DateOnly(2026, 6, 1);
        HisDiagnosis Diagnosis(string code, DateOnly on, bool inPerson = true, string? department = "CARD") => new(code, code, on, inPerson, department, null);

        Assert.Equal("I10", FollowUpPolicy.FindQualifying([Diagnosis("I10", new DateOnly(2026, 9, 1))], cardiology, "CARD", start)?.Code);
        Assert.Null(FollowUpPolicy.FindQualifying([Diagnosis("I10", new DateOnly(2026, 5, 31))], cardiology, "CARD", start));
        Assert.Null(FollowUpPolicy.FindQualifying([Diagnosis("I10", new DateOnly(2026, 9, 1), inPerson: false)], cardiology, "CARD", start));
        Assert.Null(FollowUpPolicy.FindQualifying([Diagnosis("J45", new DateOnly(2026, 9, 1))], cardiology, "CARD", start));
        Assert.Equal("J45", FollowUpPolicy.FindQualifying([Diagnosis("J45", new DateOnly(2026, 9, 1))], null, "CARD", start)?.Code);
    }

    [Theory]
    [InlineData("I10", "原发性高血压 Essential (primary) hypertension", "特发性（原发性）高血压", "Essential (primary) hypertension")]
    [InlineData("E11.9", "2型糖尿病", "2型糖尿病不伴有并发症", "Type 2 diabetes mellitus without complications")]
    [InlineData("I10.x01", "高血压", "特发性（原发性）高血压", "Essential (primary) hypertension")]
    [InlineData("Q99.8", "其他特指的染色体异常 Other specified chromosome abnormalities", "其他特指的染色体异常", "Other specified chromosome abnormalities")]
    public void A_qualifying_diagnosis_has_a_name_in_each_language_for_patients(string code, string hisText, string zh, string en)
    {
        var diagnosis = QualifyingDiagnosis.Of(code, hisText, new DateOnly(2026, 10, 5), "CARD");

        Assert.Equal(zh, diagnosis.NameZh);
        Assert.Equal(en, diagnosis.NameEn);
        Assert.DoesNotContain(code, diagnosis.NameZh + diagnosis.NameEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P6M", "2026-05-28")]
    [InlineData("P1Y", "2025-11-28")]
    [InlineData("P90D", "2026-08-30")]
    public void The_look_back_window_is_an_iso_period(string period, string expected)
    {
        var options = new BookingOptions { FollowUpLookBack = period };
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), options.LookBackStart(new DateOnly(2026, 11, 28)));
    }
}
