using InternetHospital.Application.His;

namespace InternetHospital.Application.Imaging;

/// <summary>A study as the patient (or their doctor) sees it: what the PACS says, where it came from, and its report.</summary>
public sealed record StudyView(
    string StudyInstanceUid,
    DateOnly? StudyDate,
    string? Description,
    string? Modalities,
    string? AccessionNumber,
    int SeriesCount,
    int InstanceCount,
    string Source,
    StudyReportView? Report);

/// <summary>The radiologist's report from the HIS (null when it has none yet, or the study came from outside).</summary>
public sealed record StudyReportView(string Conclusion, DateTimeOffset IssuedAt, string? Author);

public sealed record StudyDetailView(
    string StudyInstanceUid,
    DateOnly? StudyDate,
    string? Description,
    string? Modalities,
    string? AccessionNumber,
    int SeriesCount,
    int InstanceCount,
    string Source,
    StudyReportView? Report,
    IReadOnlyList<SeriesView> Series);

public sealed record SeriesView(string SeriesInstanceUid, string? Modality, string? Description, int? Number, IReadOnlyList<InstanceView> Instances);

public sealed record InstanceView(string SopInstanceUid, int? Number, int Frames);

internal static class ImagingViews
{
    public const string Hospital = "hospital";
    public const string Shared = "shared";

    /// <summary>
    /// The patient's studies: the PACS's under their HIS id, then the shared ones not among those. A shared study the
    /// PACS no longer has is still listed from what was recorded when it was shared.
    /// </summary>
    public static async Task<IReadOnlyList<(ArchivedStudy Study, string Source)>> PatientStudiesAsync(IAppDbContext db, IImagingArchive archive, Domain.Patients.Patient patient, CancellationToken cancellationToken)
    {
        var hospital = patient.HisPatientId is { } hisId ? await archive.FindStudiesAsync(hisId, cancellationToken) : [];
        var shared = await db.SharedStudies.AsNoTracking().Where(s => s.PatientId == patient.Id).OrderByDescending(s => s.SharedAt).ToListAsync(cancellationToken);
        var studies = hospital.Select(s => (Study: s, Source: Hospital)).ToList();
        foreach (var row in shared.Where(r => studies.TrueForAll(s => s.Study.StudyInstanceUid != r.StudyInstanceUid)))
        {
            var study = await archive.FindStudyAsync(row.StudyInstanceUid, cancellationToken)
                ?? new ArchivedStudy(row.StudyInstanceUid, string.Empty, null, null, row.Description, null, null, 0, row.InstanceCount);
            studies.Add((study with { Description = study.Description ?? row.Description }, Shared));
        }

        return studies.OrderByDescending(s => s.Study.StudyDate).ThenBy(s => s.Study.StudyInstanceUid, StringComparer.Ordinal).ToList();
    }

    public static StudyView Study(ArchivedStudy study, string source, StudyReportView? report) => new(
        study.StudyInstanceUid, study.StudyDate, study.Description, study.Modalities, study.AccessionNumber, study.SeriesCount, study.InstanceCount, source, report);

    /// <summary>The HIS's radiology reports for the patient; none (not an error) when the HIS cannot be reached, so images still show.</summary>
    public static async Task<IReadOnlyList<HisImagingReport>> ReportsAsync(IHisReader his, string? hisPatientId, CancellationToken cancellationToken)
    {
        if (hisPatientId is null)
        {
            return [];
        }

        try
        {
            return (await his.GetImagingReportsAsync(hisPatientId, cancellationToken)).Value;
        }
        catch (HisUnavailableException)
        {
            return [];
        }
    }

    /// <summary>A hospital study's report: the newest one naming its study UID, else its accession number.</summary>
    public static StudyReportView? ReportFor(ArchivedStudy study, string source, IReadOnlyList<HisImagingReport> reports)
    {
        if (source != Hospital)
        {
            return null;
        }

        var report = reports.Where(r => r.StudyInstanceUid == study.StudyInstanceUid).MaxBy(r => r.IssuedAt)
            ?? (study.AccessionNumber is { Length: > 0 } accession ? reports.Where(r => r.StudyInstanceUid is null && r.AccessionNumber == accession).MaxBy(r => r.IssuedAt) : null);
        return report is null ? null : new StudyReportView(report.Conclusion, report.IssuedAt, report.Author);
    }
}
