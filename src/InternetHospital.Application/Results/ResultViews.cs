using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>
/// A report in the list. <paramref name="Name"/> is the HIS's own name; <paramref name="NameZh"/> and
/// <paramref name="NameEn"/> come from the catalogue when it knows the test (the SPA shows the one of its language).
/// </summary>
public sealed record ResultSummary(
    Guid Id,
    string Name,
    string? NameZh,
    string? NameEn,
    DateTimeOffset IssuedAt,
    string Status,
    string? OrderingDoctorName,
    int ValueCount,
    int AbnormalCount,
    bool HasCritical);

public sealed record ResultsList(Guid PatientId, bool HisLinked, bool HisStale, IReadOnlyList<ResultSummary> Items);

/// <param name="TrendKey">What the trend of this value is asked for with (<c>?code=</c>); null for a value that is not a number.</param>
public sealed record ResultValueView(
    string Code,
    string? Loinc,
    string Name,
    string? NameZh,
    string? NameEn,
    string? NoteZh,
    string? NoteEn,
    decimal? Value,
    string? ValueText,
    string? Unit,
    decimal? Low,
    decimal? High,
    string? RangeText,
    LabFlag Flag,
    string? TrendKey)
{
    public static ResultValueView From(LabObservation o)
    {
        var test = LabCatalogue.Find(o.Code, o.CodeSystem);
        return new ResultValueView(
            o.Code,
            LabCatalogue.LoincOf(o.Code, o.CodeSystem),
            o.Name,
            test?.NameZh,
            test?.NameEn,
            test?.NoteZh,
            test?.NoteEn,
            o.Value,
            o.ValueText,
            o.Unit,
            o.Low,
            o.High,
            o.RangeText,
            o.Flag,
            o.Value is null ? null : LabCatalogue.TrendKey(o.Code, o.CodeSystem));
    }
}

public sealed record ResultDetail(
    Guid Id,
    Guid PatientId,
    string Name,
    string? NameZh,
    string? NameEn,
    DateTimeOffset IssuedAt,
    string Status,
    string? OrderingDoctorName,
    bool HasCritical,
    IReadOnlyList<ResultValueView> Values);

public sealed record TrendPoint(Guid ReportId, DateTimeOffset At, decimal Value, string? Unit, LabFlag Flag);

public sealed record ResultTrend(string Code, string Name, string? NameZh, string? NameEn, string? NoteZh, string? NoteEn, string? Unit, decimal? Low, decimal? High, IReadOnlyList<TrendPoint> Points);

internal static class ResultMapping
{
    public static ResultSummary Summary(LabReport r)
    {
        var test = LabCatalogue.Find(r.Code, r.CodeSystem);
        return new ResultSummary(r.Id, r.Name, test?.NameZh, test?.NameEn, r.IssuedAt, r.Status, r.OrderingDoctorName, r.Observations.Count, r.Observations.Count(o => o.Flag != LabFlag.Normal), r.HasCritical);
    }

    public static ResultDetail Detail(LabReport r, Guid patientId)
    {
        var test = LabCatalogue.Find(r.Code, r.CodeSystem);
        return new ResultDetail(r.Id, patientId, r.Name, test?.NameZh, test?.NameEn, r.IssuedAt, r.Status, r.OrderingDoctorName, r.HasCritical, r.Observations.OrderBy(o => o.Sequence).Select(ResultValueView.From).ToList());
    }
}
