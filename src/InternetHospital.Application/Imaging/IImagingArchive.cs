namespace InternetHospital.Application.Imaging;

/// <summary>
/// The imaging archive (PACS), the system of record for DICOM studies. The portal reads and stores through DICOMweb
/// (QIDO-RS to find, WADO-RS to fetch, STOW-RS to store); the browser never talks to the PACS. Hospital studies carry
/// the patient's HIS id as their DICOM Patient ID. An archive that cannot be reached throws
/// <see cref="ImagingArchiveUnavailableException"/> (HTTP 503).
/// </summary>
public interface IImagingArchive
{
    /// <summary>Studies whose Patient ID is <paramref name="archivePatientId"/> (QIDO-RS /studies?PatientID=).</summary>
    Task<IReadOnlyList<ArchivedStudy>> FindStudiesAsync(string archivePatientId, CancellationToken ct);

    /// <summary>One study by its UID, or null when the archive does not have it.</summary>
    Task<ArchivedStudy?> FindStudyAsync(string studyInstanceUid, CancellationToken ct);

    Task<IReadOnlyList<ArchivedSeries>> ListSeriesAsync(string studyInstanceUid, CancellationToken ct);

    Task<IReadOnlyList<ArchivedInstance>> ListInstancesAsync(string studyInstanceUid, string seriesInstanceUid, CancellationToken ct);

    /// <summary>One frame (1-based) rendered by the archive as image/jpeg or image/png; null when there is no such frame.</summary>
    Task<ArchiveContent?> GetRenderedFrameAsync(string study, string series, string sop, int frame, CancellationToken ct);

    /// <summary>The instance as DICOM Part 10 (application/dicom); null when there is no such instance.</summary>
    Task<ArchiveContent?> GetInstanceAsync(string study, string series, string sop, CancellationToken ct);

    /// <summary>Stores one DICOM Part 10 file (STOW-RS). <see cref="StoredInstance.AlreadyStored"/> when its SOP Instance UID was there already.</summary>
    Task<StoredInstance> StoreAsync(Stream dicomPart10, CancellationToken ct);
}

public sealed record ArchivedStudy(
    string StudyInstanceUid,
    string PatientId,
    string? PatientName,
    DateOnly? StudyDate,
    string? Description,
    string? Modalities,
    string? AccessionNumber,
    int SeriesCount,
    int InstanceCount);

public sealed record ArchivedSeries(string SeriesInstanceUid, string? Modality, string? Description, int? Number, int InstanceCount);

public sealed record ArchivedInstance(string SopInstanceUid, int? Number, int Frames);

public sealed record ArchiveContent(byte[] Content, string ContentType);

public sealed record StoredInstance(string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, bool AlreadyStored);

/// <summary>The archive could not be reached or answered with an error (HTTP 503, code <c>imaging_unavailable</c>).</summary>
public sealed class ImagingArchiveUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The archive refused a file it was asked to store (not DICOM it accepts): HTTP 422.</summary>
public sealed class ImagingArchiveRejectedException(string message, Exception? innerException = null) : Exception(message, innerException);
