using InternetHospital.Application.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace InternetHospital.Api.Common;

/// <summary>How upload endpoints read a file, and how download endpoints send one.</summary>
internal static class FileTransfer
{
    /// <summary>The upload limit of endpoints taking a file: the file itself plus the multipart envelope.</summary>
    public const long UploadRequestLimit = FileTypes.MaxBytes + 64 * 1024;

    /// <summary>Marks an endpoint as taking one multipart file: raises the body limit; bearer tokens make antiforgery tokens unnecessary.</summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder builder) => builder
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimit))
        .Accepts<IFormFile>("multipart/form-data");

    public static FileUpload ToUpload(this IFormFile file, Guid? patientId, string purpose) =>
        new(patientId, purpose, file.FileName, file.OpenReadStream(), file.Length);

    /// <summary>Images may be shown in the page; PDFs and anything else always download. Never cached.</summary>
    public static IResult Send(FileDownload download, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        // Note: SetHttpFileName writes both filename and filename* (RFC 6266), so Chinese file names survive.
        var disposition = new ContentDispositionHeaderValue(FileTypes.IsImage(download.File.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(download.File.FileName);
        context.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return TypedResults.Bytes(download.Content, download.File.ContentType);
    }
}
