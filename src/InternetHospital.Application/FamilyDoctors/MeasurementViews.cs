using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

public sealed record MeasurementView(
    Guid Id,
    MeasurementKind Kind,
    int? Systolic,
    int? Diastolic,
    int? HeartRate,
    decimal? Glucose,
    GlucoseTiming? GlucoseTiming,
    decimal? WeightKg,
    DateTimeOffset MeasuredAt,
    MeasurementFlag Flag,
    IReadOnlyList<string> Findings,
    string? Note)
{
    public static MeasurementView From(HomeMeasurement m) => new(
        m.Id, m.Kind, m.Systolic, m.Diastolic, m.HeartRate, m.Glucose, m.GlucoseTiming, m.WeightKg, m.MeasuredAt, m.Flag, m.FindingCodes, m.Note);
}

public sealed record RangeView(decimal Min, decimal Max)
{
    public static RangeView From(ValueRange range) => new(range.Min, range.Max);
}

/// <summary>The target ranges the charts shade and the danger lines they draw.</summary>
public sealed record MeasurementTargets(
    RangeView Systolic,
    RangeView Diastolic,
    RangeView HeartRate,
    RangeView FastingGlucose,
    RangeView AfterMealGlucose,
    int CrisisSystolic,
    int CrisisDiastolic,
    decimal DangerouslyLowGlucose,
    decimal DangerouslyHighGlucose)
{
    public static MeasurementTargets Current { get; } = new(
        RangeView.From(MeasurementRules.SystolicTarget),
        RangeView.From(MeasurementRules.DiastolicTarget),
        RangeView.From(MeasurementRules.HeartRateTarget),
        RangeView.From(MeasurementRules.FastingGlucoseTarget),
        RangeView.From(MeasurementRules.AfterMealGlucoseTarget),
        MeasurementRules.CrisisSystolic,
        MeasurementRules.CrisisDiastolic,
        MeasurementRules.DangerouslyLowGlucose,
        MeasurementRules.DangerouslyHighGlucose);
}

public sealed record MeasurementHistory(IReadOnlyList<MeasurementView> Items, MeasurementTargets Targets);
