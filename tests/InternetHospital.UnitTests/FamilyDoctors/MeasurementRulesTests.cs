using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.UnitTests.FamilyDoctors;

public sealed class MeasurementRulesTests
{
    private static MeasurementValues Bp(int systolic, int diastolic, int? pulse = null) => new(MeasurementKind.BloodPressure, systolic, diastolic, pulse);

    private static MeasurementValues Glucose(decimal value, GlucoseTiming timing = GlucoseTiming.Fasting) => new(MeasurementKind.BloodGlucose, Glucose: value, GlucoseTiming: timing);

    [Theory]
    [InlineData(39, 30, "systolic")]
    [InlineData(301, 90, "systolic")]
    [InlineData(120, 19, "diastolic")]
    [InlineData(120, 201, "diastolic")]
    [InlineData(120, 120, "diastolic")]
    public void Implausible_blood_pressure_is_refused_on_the_right_field(int systolic, int diastolic, string field)
    {
        var problems = MeasurementRules.Problems(Bp(systolic, diastolic));

        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void The_limits_themselves_are_plausible()
    {
        Assert.Empty(MeasurementRules.Problems(Bp(40, 20)));
        Assert.Empty(MeasurementRules.Problems(Bp(300, 200 - 1)));
        Assert.Empty(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.HeartRate, HeartRate: 20)));
        Assert.Empty(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.Weight, WeightKg: 400m)));
    }

    [Fact]
    public void Missing_values_and_a_glucose_without_its_timing_are_refused()
    {
        Assert.Contains(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.BloodPressure, Systolic: 120)), p => p.Field == "diastolic");
        Assert.Contains(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.BloodGlucose, Glucose: 5.5m)), p => p.Field == "glucoseTiming");
        Assert.Contains(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.BloodGlucose, Glucose: 41m, GlucoseTiming: GlucoseTiming.Fasting)), p => p.Field == "glucose");
        Assert.Contains(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.Weight, WeightKg: 1m)), p => p.Field == "weightKg");
        Assert.Contains(MeasurementRules.Problems(Bp(120, 80, pulse: 300)), p => p.Field == "heartRate");
    }

    [Theory]
    [InlineData(180, 100)]
    [InlineData(150, 110)]
    [InlineData(185, 112)]
    public void A_hypertensive_crisis_is_dangerous(int systolic, int diastolic)
    {
        var assessment = MeasurementRules.Assess(Bp(systolic, diastolic));

        Assert.Equal(MeasurementFlag.Dangerous, assessment.Flag);
        Assert.Contains("bp_crisis", assessment.Findings);
    }

    [Theory]
    [InlineData(179, 109, MeasurementFlag.OutOfTarget, "bp_high")]
    [InlineData(140, 80, MeasurementFlag.OutOfTarget, "bp_high")]
    [InlineData(130, 90, MeasurementFlag.OutOfTarget, "bp_high")]
    [InlineData(139, 89, MeasurementFlag.Normal, null)]
    [InlineData(88, 58, MeasurementFlag.OutOfTarget, "bp_low")]
    public void Blood_pressure_outside_the_target_is_flagged(int systolic, int diastolic, MeasurementFlag flag, string? finding)
    {
        var assessment = MeasurementRules.Assess(Bp(systolic, diastolic));

        Assert.Equal(flag, assessment.Flag);
        Assert.Equal(finding is null ? [] : [finding], assessment.Findings);
    }

    [Theory]
    [InlineData(2.9, GlucoseTiming.Fasting, MeasurementFlag.Dangerous, "glucose_very_low")]
    [InlineData(3.0, GlucoseTiming.Fasting, MeasurementFlag.OutOfTarget, "glucose_low")]
    [InlineData(5.6, GlucoseTiming.Fasting, MeasurementFlag.Normal, null)]
    [InlineData(7.1, GlucoseTiming.Fasting, MeasurementFlag.OutOfTarget, "glucose_high")]
    [InlineData(9.5, GlucoseTiming.AfterMeal, MeasurementFlag.Normal, null)]
    [InlineData(10.1, GlucoseTiming.AfterMeal, MeasurementFlag.OutOfTarget, "glucose_high")]
    [InlineData(16.7, GlucoseTiming.AfterMeal, MeasurementFlag.Dangerous, "glucose_very_high")]
    public void Glucose_targets_depend_on_the_meal_and_extremes_are_dangerous(double value, GlucoseTiming timing, MeasurementFlag flag, string? finding)
    {
        var assessment = MeasurementRules.Assess(Glucose((decimal)value, timing));

        Assert.Equal(flag, assessment.Flag);
        Assert.Equal(finding is null ? [] : [finding], assessment.Findings);
    }

    [Theory]
    [InlineData(39, MeasurementFlag.Dangerous, "heart_rate_very_low")]
    [InlineData(55, MeasurementFlag.OutOfTarget, "heart_rate_low")]
    [InlineData(72, MeasurementFlag.Normal, null)]
    [InlineData(110, MeasurementFlag.OutOfTarget, "heart_rate_high")]
    [InlineData(131, MeasurementFlag.Dangerous, "heart_rate_very_high")]
    public void Resting_heart_rate_is_assessed_alone_or_with_blood_pressure(int rate, MeasurementFlag flag, string? finding)
    {
        Assert.Equal(flag, MeasurementRules.Assess(new MeasurementValues(MeasurementKind.HeartRate, HeartRate: rate)).Flag);
        var withPressure = MeasurementRules.Assess(Bp(120, 80, rate));
        Assert.Equal(flag, withPressure.Flag);
        Assert.Equal(finding is null ? [] : [finding], withPressure.Findings);
    }

    [Fact]
    public void Dangerous_findings_come_before_out_of_target_ones()
    {
        var assessment = MeasurementRules.Assess(Bp(150, 95, 135));

        Assert.Equal(MeasurementFlag.Dangerous, assessment.Flag);
        Assert.Equal(["heart_rate_very_high", "bp_high"], assessment.Findings);
    }

    [Fact]
    public void Weight_has_no_target()
    {
        Assert.Equal(MeasurementFlag.Normal, MeasurementRules.Assess(new MeasurementValues(MeasurementKind.Weight, WeightKg: 150m)).Flag);
    }

    [Fact]
    public void A_recorded_reading_keeps_only_the_values_of_its_kind_and_refuses_implausible_ones()
    {
        var now = DateTimeOffset.UtcNow;
        var reading = HomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), new MeasurementValues(MeasurementKind.Weight, 120, 80, WeightKg: 70m), now, " after breakfast ", now);

        Assert.Null(reading.Systolic);
        Assert.Equal(70m, reading.WeightKg);
        Assert.Equal("after breakfast", reading.Note);
        Assert.Equal("implausible_measurement", Assert.Throws<DomainRuleException>(() => HomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), Bp(400, 80), now, null, now)).Code);
    }

    [Fact]
    public void Only_a_dangerous_reading_raises_an_alert_and_it_is_acknowledged_once()
    {
        var now = DateTimeOffset.UtcNow;
        var contract = FamilyContract.Apply(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, now);
        contract.Accept(Guid.NewGuid(), Guid.NewGuid(), now);
        var normal = HomeMeasurement.Record(contract.PatientId, Guid.NewGuid(), Bp(120, 80), now, null, now);
        var crisis = HomeMeasurement.Record(contract.PatientId, Guid.NewGuid(), Bp(185, 112), now, null, now);

        Assert.Throws<ArgumentException>(() => MeasurementAlert.Raise(normal, contract, now));
        var alert = MeasurementAlert.Raise(crisis, contract, now);
        Assert.Equal(contract.TeamId, alert.TeamId);
        Assert.Equal("bp_crisis", alert.Findings);
        alert.Acknowledge(Guid.NewGuid(), "called the patient", now);
        Assert.Equal("alert_already_acknowledged", Assert.Throws<DomainConflictException>(() => alert.Acknowledge(Guid.NewGuid(), null, now)).Code);
    }
}
