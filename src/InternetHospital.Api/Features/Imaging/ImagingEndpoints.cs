using InternetHospital.Api.Common;
using InternetHospital.Application.Imaging;
using Mediator;

namespace InternetHospital.Api.Features.Imaging;

/// <summary>
/// Imaging (影像): a patient's studies, their series and instances, the DICOM files and rendered frames, proxied from
/// the PACS after the access check (the browser never talks to the PACS). The patient side needs the results scope;
/// the doctor side the same sub-routes for a patient the doctor treats.
/// </summary>
internal sealed class ImagingEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/api/patients/{patientId:guid}/imaging").WithTags("Imaging").WithProblems(StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Patient);
        MapReads(patient, ImagingReader.Patient);
        var doctor = app.MapGroup("/api/doctor/patients/{patientId:guid}/imaging").WithTags("Imaging").WithProblems(StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Doctor);
        MapReads(doctor, ImagingReader.Doctor);
    }

    private static void MapReads(RouteGroupBuilder group, ImagingReader reader)
    {
        group.MapGet("/studies", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListStudies(patientId, reader), ct)))
            .WithSummary("The patient's imaging studies (hospital and shared), newest first, with the radiology report when there is one.");
        group.MapGet("/studies/{studyUid}", async (Guid patientId, string studyUid, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetStudy(patientId, studyUid, reader), ct)))
            .WithSummary("One study: its series and instances, and its report.");
        group.MapGet("/studies/{studyUid}/series/{seriesUid}/instances/{sopUid}", async (Guid patientId, string studyUid, string seriesUid, string sopUid, ISender sender, HttpContext context, CancellationToken ct) =>
                Content(context, await sender.Send(new GetStudyInstance(patientId, studyUid, seriesUid, sopUid, reader), ct)))
            .WithSummary("One instance as DICOM (application/dicom), for the viewer.");
        group.MapGet("/studies/{studyUid}/series/{seriesUid}/instances/{sopUid}/frames/{frame:int}/rendered", async (Guid patientId, string studyUid, string seriesUid, string sopUid, int frame, ISender sender, HttpContext context, CancellationToken ct) =>
                Content(context, await sender.Send(new GetRenderedFrame(patientId, studyUid, seriesUid, sopUid, frame, reader), ct)))
            .WithSummary("One frame rendered as JPEG or PNG (thumbnails, sharing into a call).");
    }

    private static IResult Content(HttpContext context, ArchiveContent content)
    {
        // Note: an image of a patient may stay in this user's browser cache (it does not change under its UID), never
        // in a shared cache or a proxy between the browser and the portal.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(content.Content, content.ContentType);
    }
}
