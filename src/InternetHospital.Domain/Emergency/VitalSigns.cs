namespace InternetHospital.Domain.Emergency;

/// <summary>One set of vital signs as measured together; every value is optional (a crew measures what it can).</summary>
public sealed record VitalSigns(
    int? HeartRate,
    int? Systolic,
    int? Diastolic,
    int? SpO2,
    int? RespiratoryRate,
    decimal? Temperature,
    decimal? Glucose,
    int? Gcs)
{
    /// <summary>
    /// Physiological limits: a value outside them is a typing error (a 20 for 200), not a patient, so it is refused with
    /// the field's limits rather than stored. Wide on purpose: a dying patient's real values must still be accepted.
    /// </summary>
    public static readonly IReadOnlyList<VitalLimit> Limits =
    [
        new("heartRate", 20, 300),
        new("systolic", 40, 300),
        new("diastolic", 20, 200),
        new("spO2", 50, 100),
        new("respiratoryRate", 4, 80),
        new("temperature", 25.0m, 45.0m),
        new("glucose", 0.5m, 50.0m),
        new("gcs", 3, 15),
    ];

    public bool IsEmpty => HeartRate is null && Systolic is null && Diastolic is null && SpO2 is null && RespiratoryRate is null
                           && Temperature is null && Glucose is null && Gcs is null;

    /// <summary>The values outside their limits (field name as the JSON carries it), and a diastolic not below the systolic.</summary>
    public IReadOnlyList<VitalBreach> Breaches()
    {
        var values = new (string Field, decimal? Value)[]
        {
            ("heartRate", HeartRate), ("systolic", Systolic), ("diastolic", Diastolic), ("spO2", SpO2),
            ("respiratoryRate", RespiratoryRate), ("temperature", Temperature), ("glucose", Glucose), ("gcs", Gcs),
        };
        var breaches = new List<VitalBreach>();
        foreach (var (field, value) in values)
        {
            var limit = Limits.Single(l => l.Field == field);
            if (value is { } v && (v < limit.Min || v > limit.Max))
            {
                breaches.Add(new VitalBreach(field, limit, DiastolicNotBelowSystolic: false));
            }
        }

        if (Systolic is { } sys && Diastolic is { } dia && dia >= sys && breaches.All(b => b.Field != "diastolic"))
        {
            breaches.Add(new VitalBreach("diastolic", Limits.Single(l => l.Field == "diastolic"), DiastolicNotBelowSystolic: true));
        }

        return breaches;
    }
}

public sealed record VitalLimit(string Field, decimal Min, decimal Max);

public sealed record VitalBreach(string Field, VitalLimit Limit, bool DiastolicNotBelowSystolic);
