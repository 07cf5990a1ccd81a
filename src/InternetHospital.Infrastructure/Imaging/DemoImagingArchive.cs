using System.Collections.Concurrent;
using InternetHospital.Application.Imaging;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// The development stand-in for a PACS: the small studies made by <c>scripts/make-demo-dicom.py</c> (embedded in this
/// assembly), plus whatever is stored while the process runs (kept in memory, gone at restart). Answers the port the
/// way a DICOMweb PACS does, rendering frames itself. Never registered outside Development.
/// </summary>
internal sealed class DemoImagingArchive : IImagingArchive
{
    private const string ResourcePrefix = "InternetHospital.Infrastructure.Imaging.Demo.";

    private readonly ConcurrentDictionary<string, DicomFile> instances = new(StringComparer.Ordinal);

    public DemoImagingArchive()
    {
        var assembly = typeof(DemoImagingArchive).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".dcm", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = DicomFile.Read(buffer.ToArray());
            instances[file.SopInstanceUid!] = file;
        }
    }

    public Task<IReadOnlyList<ArchivedStudy>> FindStudiesAsync(string archivePatientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ArchivedStudy>>(Studies()
            .Where(s => string.Equals(s.PatientId, archivePatientId, StringComparison.Ordinal))
            .OrderByDescending(s => s.StudyDate).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .ToList());

    public Task<ArchivedStudy?> FindStudyAsync(string studyInstanceUid, CancellationToken ct) =>
        Task.FromResult(Studies().FirstOrDefault(s => s.StudyInstanceUid == studyInstanceUid));

    public Task<IReadOnlyList<ArchivedSeries>> ListSeriesAsync(string studyInstanceUid, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ArchivedSeries>>(InStudy(studyInstanceUid)
            .GroupBy(f => f.String(DicomFile.SeriesInstanceUidTag)!, StringComparer.Ordinal)
            .Select(g => new ArchivedSeries(g.Key, g.First().String(DicomFile.ModalityTag), g.First().String(DicomFile.SeriesDescriptionTag), g.First().Int(DicomFile.SeriesNumberTag), g.Count()))
            .OrderBy(s => s.Number ?? int.MaxValue).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
            .ToList());

    public Task<IReadOnlyList<ArchivedInstance>> ListInstancesAsync(string studyInstanceUid, string seriesInstanceUid, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ArchivedInstance>>(InStudy(studyInstanceUid)
            .Where(f => f.String(DicomFile.SeriesInstanceUidTag) == seriesInstanceUid)
            .Select(f => new ArchivedInstance(f.SopInstanceUid!, f.Int(DicomFile.InstanceNumberTag), Math.Max(1, f.Int(DicomFile.NumberOfFramesTag) ?? 1)))
            .OrderBy(i => i.Number ?? int.MaxValue).ThenBy(i => i.SopInstanceUid, StringComparer.Ordinal)
            .ToList());

    public Task<ArchiveContent?> GetRenderedFrameAsync(string study, string series, string sop, int frame, CancellationToken ct) =>
        Task.FromResult<ArchiveContent?>(Find(study, series, sop) is { } file && DicomRenderer.RenderPng(file, frame) is { } png ? new ArchiveContent(png, "image/png") : null);

    public Task<ArchiveContent?> GetInstanceAsync(string study, string series, string sop, CancellationToken ct) =>
        Task.FromResult<ArchiveContent?>(Find(study, series, sop) is { } file ? new ArchiveContent(file.Bytes, "application/dicom") : null);

    public async Task<StoredInstance> StoreAsync(Stream dicomPart10, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await dicomPart10.CopyToAsync(buffer, ct);
        DicomFile file;
        try
        {
            file = DicomFile.Read(buffer.ToArray());
        }
        catch (FormatException exception)
        {
            throw new ImagingArchiveRejectedException("The file is not DICOM Part 10.", exception);
        }

        var sop = file.SopInstanceUid;
        var study = file.String(DicomFile.StudyInstanceUidTag);
        var series = file.String(DicomFile.SeriesInstanceUidTag);
        if (!DicomUid.IsValid(sop) || !DicomUid.IsValid(study) || !DicomUid.IsValid(series))
        {
            throw new ImagingArchiveRejectedException("The file has no valid study, series or SOP instance UID.");
        }

        var added = instances.TryAdd(sop!, file);
        return new StoredInstance(study!, series!, sop!, AlreadyStored: !added);
    }

    private IEnumerable<DicomFile> InStudy(string studyInstanceUid) =>
        instances.Values.Where(f => f.String(DicomFile.StudyInstanceUidTag) == studyInstanceUid);

    private DicomFile? Find(string study, string series, string sop) =>
        instances.TryGetValue(sop, out var file) && file.String(DicomFile.StudyInstanceUidTag) == study && file.String(DicomFile.SeriesInstanceUidTag) == series
            ? file
            : null;

    private IEnumerable<ArchivedStudy> Studies() =>
        instances.Values
            .GroupBy(f => f.String(DicomFile.StudyInstanceUidTag) ?? string.Empty, StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g =>
            {
                var first = g.First();
                var modalities = g.Select(f => f.String(DicomFile.ModalityTag)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                return new ArchivedStudy(
                    g.Key,
                    first.String(DicomFile.PatientIdTag) ?? string.Empty,
                    first.PersonName(DicomFile.PatientNameTag),
                    first.Date(DicomFile.StudyDateTag),
                    first.String(DicomFile.StudyDescriptionTag),
                    modalities.Count == 0 ? null : string.Join(',', modalities),
                    first.String(DicomFile.AccessionNumberTag),
                    g.Select(f => f.String(DicomFile.SeriesInstanceUidTag)).Distinct(StringComparer.Ordinal).Count(),
                    g.Count());
            });
}
