using System.Globalization;
using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

public enum MeasurementKind
{
    BloodPressure = 1,
    HeartRate = 2,
    BloodGlucose = 3,
    Weight = 4,
}

public enum GlucoseTiming
{
    Fasting = 1,

    /// <summary>Two hours after a meal.</summary>
    AfterMeal = 2,
}

/// <summary>Stored as a number: the panel asks for "anything not normal".</summary>
public enum MeasurementFlag
{
    Normal = 1,
    OutOfTarget = 2,
    Dangerous = 3,
}

/// <summary>What a patient typed in. Blood pressure may carry the pulse the monitor showed.</summary>
public sealed record MeasurementValues(
    MeasurementKind Kind,
    int? Systolic = null,
    int? Diastolic = null,
    int? HeartRate = null,
    decimal? Glucose = null,
    GlucoseTiming? GlucoseTiming = null,
    decimal? WeightKg = null);

/// <summary>A value the reading was found to be outside of, e.g. <c>bp_crisis</c>.</summary>
public sealed record MeasurementAssessment(MeasurementFlag Flag, IReadOnlyList<string> Findings);

/// <summary>
/// Why a reading is refused, on which field: a field code the server words in the user's language
/// (ValidationMessages), with the values its text needs (e.g. the limits).
/// </summary>
public sealed record MeasurementProblem(string Field, string Code, params object[] Args);

/// <summary>A closed range for limits and targets.</summary>
public sealed record ValueRange(decimal Min, decimal Max)
{
    public bool Contains(decimal value) => value >= Min && value <= Max;
}

/// <summary>
/// The rules for home readings: plausible limits (anything outside is a typing error and is refused), target ranges
/// (outside is flagged for the team), and dangerous values that need emergency care now (the patient is told at once
/// and the family doctor's panel raises an alert). Targets follow the Chinese hypertension (2018) and type 2 diabetes
/// (2020) guidelines for adults; danger thresholds are hypertensive crisis, level-2 hypoglycaemia, the 16.7 mmol/L
/// hyperglycaemia line and extreme resting heart rates.
/// </summary>
public static class MeasurementRules
{
    public static readonly ValueRange SystolicLimits = new(40, 300);
    public static readonly ValueRange DiastolicLimits = new(20, 200);
    public static readonly ValueRange HeartRateLimits = new(20, 250);
    public static readonly ValueRange GlucoseLimits = new(0.5m, 40m);
    public static readonly ValueRange WeightLimits = new(2m, 400m);

    public static readonly ValueRange SystolicTarget = new(90, 139);
    public static readonly ValueRange DiastolicTarget = new(60, 89);
    public static readonly ValueRange HeartRateTarget = new(60, 100);
    public static readonly ValueRange FastingGlucoseTarget = new(4.4m, 7.0m);
    public static readonly ValueRange AfterMealGlucoseTarget = new(4.4m, 10.0m);

    public const int CrisisSystolic = 180;
    public const int CrisisDiastolic = 110;
    public const decimal DangerouslyLowGlucose = 3.0m;
    public const decimal DangerouslyHighGlucose = 16.7m;
    public const int DangerouslyLowHeartRate = 40;
    public const int DangerouslyHighHeartRate = 130;

    /// <summary>The field codes <see cref="Problems"/> gives (each has a message in both languages).</summary>
    public static class Codes
    {
        public const string ValueRequired = "measurement_value_required";
        public const string BloodPressureOutOfRange = "blood_pressure_out_of_range";
        public const string HeartRateOutOfRange = "heart_rate_out_of_range";
        public const string GlucoseOutOfRange = "glucose_out_of_range";
        public const string WeightOutOfRange = "weight_out_of_range";
        public const string DiastolicNotBelowSystolic = "diastolic_not_below_systolic";
        public const string GlucoseTimingRequired = "glucose_timing_required";
        public const string UnknownKind = "unknown_measurement_kind";
    }

    /// <summary>Field errors (camelCase field and code) for values that are missing, out of plausible limits or inconsistent.</summary>
    public static IReadOnlyList<MeasurementProblem> Problems(MeasurementValues values)
    {
        var problems = new List<MeasurementProblem>();
        switch (values.Kind)
        {
            case MeasurementKind.BloodPressure:
                Require(problems, "systolic", values.Systolic, SystolicLimits, Codes.BloodPressureOutOfRange);
                Require(problems, "diastolic", values.Diastolic, DiastolicLimits, Codes.BloodPressureOutOfRange);
                if (values.HeartRate is not null)
                {
                    Require(problems, "heartRate", values.HeartRate, HeartRateLimits, Codes.HeartRateOutOfRange);
                }

                if (values.Systolic is { } s && values.Diastolic is { } d && SystolicLimits.Contains(s) && DiastolicLimits.Contains(d) && d >= s)
                {
                    problems.Add(new("diastolic", Codes.DiastolicNotBelowSystolic));
                }

                break;
            case MeasurementKind.HeartRate:
                Require(problems, "heartRate", values.HeartRate, HeartRateLimits, Codes.HeartRateOutOfRange);
                break;
            case MeasurementKind.BloodGlucose:
                Require(problems, "glucose", values.Glucose, GlucoseLimits, Codes.GlucoseOutOfRange);
                if (values.GlucoseTiming is null || !Enum.IsDefined(values.GlucoseTiming.Value))
                {
                    problems.Add(new("glucoseTiming", Codes.GlucoseTimingRequired));
                }

                break;
            case MeasurementKind.Weight:
                Require(problems, "weightKg", values.WeightKg, WeightLimits, Codes.WeightOutOfRange);
                break;
            default:
                problems.Add(new("kind", Codes.UnknownKind));
                break;
        }

        return problems;
    }

    /// <summary>How a plausible reading compares with the targets and the danger thresholds.</summary>
    public static MeasurementAssessment Assess(MeasurementValues values)
    {
        var dangerous = new List<string>();
        var outOfTarget = new List<string>();
        switch (values.Kind)
        {
            case MeasurementKind.BloodPressure:
                var s = values.Systolic!.Value;
                var d = values.Diastolic!.Value;
                if (s >= CrisisSystolic || d >= CrisisDiastolic)
                {
                    dangerous.Add("bp_crisis");
                }
                else if (s > SystolicTarget.Max || d > DiastolicTarget.Max)
                {
                    outOfTarget.Add("bp_high");
                }
                else if (s < SystolicTarget.Min || d < DiastolicTarget.Min)
                {
                    outOfTarget.Add("bp_low");
                }

                AssessHeartRate(values.HeartRate, dangerous, outOfTarget);
                break;
            case MeasurementKind.HeartRate:
                AssessHeartRate(values.HeartRate, dangerous, outOfTarget);
                break;
            case MeasurementKind.BloodGlucose:
                var g = values.Glucose!.Value;
                var target = values.GlucoseTiming == GlucoseTiming.AfterMeal ? AfterMealGlucoseTarget : FastingGlucoseTarget;
                if (g < DangerouslyLowGlucose)
                {
                    dangerous.Add("glucose_very_low");
                }
                else if (g >= DangerouslyHighGlucose)
                {
                    dangerous.Add("glucose_very_high");
                }
                else if (g < target.Min)
                {
                    outOfTarget.Add("glucose_low");
                }
                else if (g > target.Max)
                {
                    outOfTarget.Add("glucose_high");
                }

                break;
            case MeasurementKind.Weight:
                break;
        }

        var flag = dangerous.Count > 0 ? MeasurementFlag.Dangerous : outOfTarget.Count > 0 ? MeasurementFlag.OutOfTarget : MeasurementFlag.Normal;
        return new MeasurementAssessment(flag, [.. dangerous, .. outOfTarget]);
    }

    private static void AssessHeartRate(int? heartRate, List<string> dangerous, List<string> outOfTarget)
    {
        if (heartRate is not { } hr)
        {
            return;
        }

        if (hr < DangerouslyLowHeartRate)
        {
            dangerous.Add("heart_rate_very_low");
        }
        else if (hr > DangerouslyHighHeartRate)
        {
            dangerous.Add("heart_rate_very_high");
        }
        else if (hr < HeartRateTarget.Min)
        {
            outOfTarget.Add("heart_rate_low");
        }
        else if (hr > HeartRateTarget.Max)
        {
            outOfTarget.Add("heart_rate_high");
        }
    }

    private static void Require(List<MeasurementProblem> problems, string field, decimal? value, ValueRange limits, string outOfRange)
    {
        if (value is null)
        {
            problems.Add(new(field, Codes.ValueRequired));
        }
        else if (!limits.Contains(value.Value))
        {
            problems.Add(new(field, outOfRange, limits.Min, limits.Max));
        }
    }

    private static void Require(List<MeasurementProblem> problems, string field, int? value, ValueRange limits, string outOfRange) =>
        Require(problems, field, (decimal?)value, limits, outOfRange);
}

/// <summary>A reading a patient took at home, with how it compares with the targets.</summary>
public sealed class HomeMeasurement
{
    public const int MaxNoteLength = 200;

    private HomeMeasurement()
    {
        Findings = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public MeasurementKind Kind { get; private set; }
    public int? Systolic { get; private set; }
    public int? Diastolic { get; private set; }
    public int? HeartRate { get; private set; }

    /// <summary>Blood glucose in mmol/L.</summary>
    public decimal? Glucose { get; private set; }

    public GlucoseTiming? GlucoseTiming { get; private set; }
    public decimal? WeightKg { get; private set; }

    /// <summary>When the patient took it (they may enter it later).</summary>
    public DateTimeOffset MeasuredAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedByAccountId { get; private set; }
    public MeasurementFlag Flag { get; private set; }

    /// <summary>Comma-separated finding codes (<c>bp_crisis</c>, <c>glucose_high</c>, ...); empty when normal.</summary>
    public string Findings { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<string> FindingCodes => Findings.Length == 0 ? [] : Findings.Split(',');

    public bool IsDangerous => Flag == MeasurementFlag.Dangerous;

    public MeasurementValues Values => new(Kind, Systolic, Diastolic, HeartRate, Glucose, GlucoseTiming, WeightKg);

    public static HomeMeasurement Record(Guid patientId, Guid recordedBy, MeasurementValues values, DateTimeOffset measuredAt, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = MeasurementRules.Problems(values);
        if (problems.Count > 0)
        {
            // Note: the validator words these for the user; reaching here is a caller that skipped it.
            throw new DomainRuleException("implausible_measurement", string.Create(CultureInfo.InvariantCulture, $"The reading is not plausible ({problems[0].Field}: {problems[0].Code})."));
        }

        var assessment = MeasurementRules.Assess(values);
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return new HomeMeasurement
        {
            Id = NewId.Next(),
            PatientId = patientId,
            Kind = values.Kind,
            Systolic = values.Kind == MeasurementKind.BloodPressure ? values.Systolic : null,
            Diastolic = values.Kind == MeasurementKind.BloodPressure ? values.Diastolic : null,
            HeartRate = values.Kind is MeasurementKind.BloodPressure or MeasurementKind.HeartRate ? values.HeartRate : null,
            Glucose = values.Kind == MeasurementKind.BloodGlucose ? values.Glucose : null,
            GlucoseTiming = values.Kind == MeasurementKind.BloodGlucose ? values.GlucoseTiming : null,
            WeightKg = values.Kind == MeasurementKind.Weight ? values.WeightKg : null,
            MeasuredAt = measuredAt,
            RecordedAt = now,
            RecordedByAccountId = recordedBy,
            Flag = assessment.Flag,
            Findings = string.Join(',', assessment.Findings),
            Note = trimmed is { Length: > MaxNoteLength } ? trimmed[..MaxNoteLength] : trimmed,
        };
    }
}

/// <summary>
/// A dangerous reading raised on the family-doctor team's panel. Open until a team member acknowledges it (what
/// they did is noted), so nobody can miss it by not being online at the time.
/// </summary>
public sealed class MeasurementAlert
{
    private MeasurementAlert()
    {
        Findings = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid MeasurementId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid ContractId { get; private set; }
    public string Findings { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedByDoctorId { get; private set; }
    public string? Note { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    public static MeasurementAlert Raise(HomeMeasurement measurement, FamilyContract contract, DateTimeOffset now)
    {
        if (!measurement.IsDangerous)
        {
            throw new ArgumentException("Only a dangerous reading raises an alert.", nameof(measurement));
        }

        return new MeasurementAlert
        {
            Id = NewId.Next(),
            PatientId = measurement.PatientId,
            MeasurementId = measurement.Id,
            TeamId = contract.TeamId,
            ContractId = contract.Id,
            Findings = measurement.Findings,
            RaisedAt = now,
        };
    }

    public void Acknowledge(Guid doctorId, string? note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainConflictException("alert_already_acknowledged", "Someone in the team has already acknowledged this alert.");
        }

        AcknowledgedAt = now;
        AcknowledgedByDoctorId = doctorId;
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Note = trimmed is { Length: > 500 } ? trimmed[..500] : trimmed;
    }
}
