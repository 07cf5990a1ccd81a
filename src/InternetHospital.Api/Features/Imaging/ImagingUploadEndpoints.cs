using InternetHospital.Api.Common;
using InternetHospital.Application.Imaging;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Features.Imaging;

/// <summary>Sharing an outside study (a CD or a zip of DICOM files from another hospital) into the patient's record.</summary>
internal sealed class ImagingUploadEndpoints : IEndpointGroup
{
    /// <summary>Room for the multipart envelope and the appointment field around the file.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public void Map(IEndpointRouteBuilder app)
    {
        // Note: the body limit follows Imaging:Upload:MaxUploadBytes, so an upload over it is refused with 413 before it
        // is read; the form reader's own multipart limit (128 MB by default) is raised to match.
        var requestLimit = app.ServiceProvider.GetRequiredService<IOptions<ImagingUploadOptions>>().Value.MaxUploadBytes + EnvelopeBytes;
        MapUpload(app.MapGroup("/api/patients/{patientId:guid}/imaging").RequireAuthorization(Policies.Patient), "/api/patients", ImagingReader.Patient, requestLimit);

        // Note: a doctor who treats the patient (ImagingAccess's rule, the same as for reading their images) may share
        // a study the patient brought to a consortium clinic; the files must still be the patient's.
        MapUpload(app.MapGroup("/api/doctor/patients/{patientId:guid}/imaging").RequireAuthorization(Policies.Doctor), "/api/doctor/patients", ImagingReader.Doctor, requestLimit);
    }

    private static void MapUpload(RouteGroupBuilder group, string patients, ImagingReader uploader, long requestLimit)
    {
        group.MapPost("/uploads", async (Guid patientId, IFormFile file, [FromForm] Guid? appointmentId, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var uploaded = await sender.Send(new ShareOutsideStudy(patientId, content, appointmentId, uploader), ct);
                return TypedResults.Created($"{patients}/{patientId}/imaging/studies/{uploaded.StudyInstanceUid}", uploaded);
            })
            .WithTags("Imaging")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Share a study made elsewhere (one DICOM file, a .zip of them or of a CD with its DICOMDIR), optionally for an appointment: checked file by file, stored in the PACS once per SOP instance.");
    }
}
