using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InternetHospital.Application.Imaging;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Imaging;

/// <summary>
/// The PACS through DICOMweb (PS3.18): QIDO-RS for studies, series and instances, WADO-RS for instances and rendered
/// frames, STOW-RS to store. Written against Orthanc's DICOMweb plugin and nothing Orthanc-only, so any DICOMweb PACS
/// answers it. The HTTP client (base address, basic authentication, timeout, retries of reads) is set up in
/// <see cref="ImagingRegistration"/>. UIDs and patient ids are checked before they go into a URL, so a query can
/// never be widened by a wildcard.
/// </summary>
internal sealed partial class OrthancDicomWebArchive(HttpClient http, ILogger<OrthancDicomWebArchive> logger) : IImagingArchive
{
    public const string HttpClientName = "imaging-dicomweb";

    private const string DicomJsonType = "application/dicom+json";
    private const string StudyFields = "includefield=00081030&includefield=00080061&includefield=00201206&includefield=00201208";

    public async Task<IReadOnlyList<ArchivedStudy>> FindStudiesAsync(string archivePatientId, CancellationToken ct)
    {
        // Note: QIDO matching treats * and ? as wildcards and \ as a value list; an id holding one is not looked up at all.
        if (string.IsNullOrWhiteSpace(archivePatientId) || archivePatientId.IndexOfAny(['*', '?', '\\']) >= 0 || archivePatientId.Length > 64)
        {
            return [];
        }

        var root = await QueryAsync($"studies?PatientID={Uri.EscapeDataString(archivePatientId)}&{StudyFields}", ct);

        // Matching is the PACS's; the portal only keeps exact matches (a PACS may match case-insensitively).
        return root is { } r
            ? DicomJson.Studies(r).Where(s => string.Equals(s.PatientId, archivePatientId, StringComparison.Ordinal))
                .OrderByDescending(s => s.StudyDate).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal).ToList()
            : [];
    }

    public async Task<ArchivedStudy?> FindStudyAsync(string studyInstanceUid, CancellationToken ct)
    {
        if (!DicomUid.IsValid(studyInstanceUid))
        {
            return null;
        }

        var root = await QueryAsync($"studies?StudyInstanceUID={studyInstanceUid}&{StudyFields}", ct);
        return root is { } r ? DicomJson.Studies(r).FirstOrDefault(s => s.StudyInstanceUid == studyInstanceUid) : null;
    }

    public async Task<IReadOnlyList<ArchivedSeries>> ListSeriesAsync(string studyInstanceUid, CancellationToken ct)
    {
        if (!DicomUid.IsValid(studyInstanceUid))
        {
            return [];
        }

        var root = await QueryAsync($"studies/{studyInstanceUid}/series?includefield=0008103E&includefield=00200011&includefield=00201209", ct);
        return root is { } r ? DicomJson.Series(r) : [];
    }

    public async Task<IReadOnlyList<ArchivedInstance>> ListInstancesAsync(string studyInstanceUid, string seriesInstanceUid, CancellationToken ct)
    {
        if (!DicomUid.IsValid(studyInstanceUid) || !DicomUid.IsValid(seriesInstanceUid))
        {
            return [];
        }

        var root = await QueryAsync($"studies/{studyInstanceUid}/series/{seriesInstanceUid}/instances?includefield=00200013&includefield=00280008", ct);
        return root is { } r ? DicomJson.Instances(r) : [];
    }

    public async Task<ArchiveContent?> GetRenderedFrameAsync(string study, string series, string sop, int frame, CancellationToken ct)
    {
        if (!DicomUid.IsValid(study) || !DicomUid.IsValid(series) || !DicomUid.IsValid(sop) || frame < 1)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{study}/series/{series}/instances/{sop}/frames/{frame}/rendered");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/jpeg"));
        using var response = await SendAsync(request, ct);

        // Note: Orthanc answers a frame number past the last with 400; to the portal that frame does not exist.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        EnsureSuccess(response);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is not ("image/jpeg" or "image/png"))
        {
            throw new ImagingArchiveUnavailableException($"The archive rendered a frame as '{type}', not as an image.");
        }

        return new ArchiveContent(await response.Content.ReadAsByteArrayAsync(ct), type);
    }

    public async Task<ArchiveContent?> GetInstanceAsync(string study, string series, string sop, CancellationToken ct)
    {
        if (!DicomUid.IsValid(study) || !DicomUid.IsValid(series) || !DicomUid.IsValid(sop))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{study}/series/{series}/instances/{sop}");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("multipart/related; type=\"application/dicom\""));
        using var response = await SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        try
        {
            var part = MultipartRelated.Parse(response.Content.Headers.ContentType, body)
                .FirstOrDefault(p => p.ContentType is null || p.ContentType.StartsWith("application/dicom", StringComparison.OrdinalIgnoreCase));
            return part is null ? null : new ArchiveContent(part.Content, "application/dicom");
        }
        catch (FormatException exception)
        {
            throw new ImagingArchiveUnavailableException("The archive's WADO-RS answer could not be read.", exception);
        }
    }

    public async Task<StoredInstance> StoreAsync(Stream dicomPart10, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await dicomPart10.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        DicomFile file;
        try
        {
            file = DicomFile.Read(bytes);
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

        // Note: STOW-RS answers the same for a new and a repeated instance, so ask first; a race between two uploads
        // of the same file only makes both say "stored", and the PACS keeps one copy.
        var existing = await QueryAsync($"instances?SOPInstanceUID={sop}", ct);
        var alreadyStored = existing is { } e && DicomJson.Objects(e).Any(o => DicomJson.String(o, DicomJson.SopInstanceUid) == sop);
        if (alreadyStored)
        {
            return new StoredInstance(study!, series!, sop!, AlreadyStored: true);
        }

        var boundary = "ih-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "studies");
        request.Content = new ByteArrayContent(MultipartRelated.Single(boundary, "application/dicom", bytes));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; type=\"application/dicom\"; boundary={boundary}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DicomJsonType));
        using var response = await SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity)
        {
            throw new ImagingArchiveRejectedException($"The archive refused the instance ({(int)response.StatusCode}).");
        }

        EnsureSuccess(response);
        var (stored, failed) = DicomJson.StoreResult(await ReadJsonAsync(response, ct));
        if (failed > 0 || !stored.Any(s => s.SopInstanceUid == sop))
        {
            throw new ImagingArchiveRejectedException("The archive did not store the instance.");
        }

        return new StoredInstance(study!, series!, sop!, AlreadyStored: false);
    }

    /// <summary>A QIDO-RS query; null when the archive answers 404 (Orthanc does for an unknown study's series).</summary>
    private async Task<JsonElement?> QueryAsync(string relativeUrl, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DicomJsonType));
        using var response = await SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
        {
            return null;
        }

        EnsureSuccess(response);
        return await ReadJsonAsync(response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, exception);
            throw new ImagingArchiveUnavailableException("The imaging archive cannot be reached.", exception);
        }
        catch (OperationCanceledException exception) when (!ct.IsCancellationRequested)
        {
            LogUnreachable(logger, exception);
            throw new ImagingArchiveUnavailableException("The imaging archive did not answer in time.", exception);
        }
    }

    private void EnsureSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            // Note: 401/403 is a configuration problem (wrong credentials), not the patient's: the page says "try later".
            LogFailed(logger, (int)response.StatusCode);
            throw new ImagingArchiveUnavailableException($"The imaging archive answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ImagingArchiveUnavailableException("The imaging archive's answer is not DICOM JSON.", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The imaging archive cannot be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The imaging archive answered {Status}")]
    private static partial void LogFailed(ILogger logger, int status);
}
