using System.Globalization;
using InternetHospital.Api.Common;
using InternetHospital.Application.Emergency;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Patients;
using Mediator;

namespace InternetHospital.Api.Features.Emergency;

/// <summary>
/// Emergency pre-hospital registration (急诊院前登记): the crew's writes (each with <c>Idempotency-Key</c> and
/// <c>X-Client-Sequence</c>, applied once and in order), the position and ETA, the receiving department's board,
/// acceptance with HIS registration, handover, merge and quality review, the pathway teams' alerts, and the case
/// channel shared by all of them. Live updates on <see cref="EmergencyHub"/>.
/// </summary>
internal sealed class EmergencyEndpoints : IEndpointGroup
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string SequenceHeader = "X-Client-Sequence";

    public void Map(IEndpointRouteBuilder app)
    {
        var shared = app.MapGroup("/api/emergency").WithTags("Emergency")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Staff);
        shared.MapGet("/destinations", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEmergencyDestinations(), ct)))
            .WithSummary("The receiving hospitals (emergency departments) with their position.");
        shared.MapGet("/patients", async (string? idNumber, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new SearchEmergencyPatients(idNumber), ct)))
            .WithSummary("Find a patient of the consortium by exact resident ID number (crew and emergency department).");
        shared.MapGet("/cases/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEmergencyCase(id), ct)))
            .WithSummary("A case's full channel: for its crew, its receiving department and the pathway teams it alerted.");
        shared.MapGet("/cases/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ISender sender, HttpContext context, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetEmergencyAttachment(id, attachmentId), ct), context))
            .WithSummary("One photo of a case.");
        shared.MapDelete("/cases/{id:guid}/video-call", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new EndEmergencyVideoCall(id, Declined: false), ct)))
            .WithSummary("Hang up the video call between the department and the crew (either side; the case's room stays for the next call).");
        shared.MapGet("/alerts", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEmergencyAlerts(), ct)))
            .WithSummary("My pathway teams' alerts of the last 24 hours.");
        shared.MapPost("/alerts/{alertId:guid}/ack", async (Guid alertId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new AcknowledgeEmergencyAlert(alertId), ct)))
            .WithSummary("Acknowledge an alert of my team (again: the same answer).");

        var crew = app.MapGroup("/api/emergency/crew").WithTags("Emergency")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Paramedic);
        crew.MapGet("/cases", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCrewCases(), ct)))
            .WithSummary("My service's open cases and those handed over in the last 24 hours.");
        crew.MapPost("/cases", async (StartBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartEmergencyCase(body.Id, body.CalledAt, body.FirstContactAt, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Start a case (sequence 1; the id is made by the phone).");
        crew.MapPut("/cases/{id:guid}/patient", async (Guid id, IdentifyBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new IdentifyEmergencyPatient(id, body.Method, body.Code, body.IdNumber, body.PatientId, body.Sex, body.EstimatedAge, body.Description, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Identify the patient: health code, ID number, a record found by search, or unknown.");
        crew.MapPut("/cases/{id:guid}/assessment", async (Guid id, AssessBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AssessEmergencyCase(id, body.ChiefComplaint, body.OnsetAt, body.LastKnownWellAt, body.TriageLevel, body.Pathway,
                    body.StrokeScale, body.StrokeScore, body.Stemi, body.TraumaMechanism, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Chief complaint, onset, triage level I–IV and pathway with its score.");
        crew.MapPost("/cases/{id:guid}/vitals", async (Guid id, VitalsBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordEmergencyVitals(id, body.MeasuredAt, body.HeartRate, body.Systolic, body.Diastolic, body.SpO2, body.RespiratoryRate,
                    body.Temperature, body.Glucose, body.Gcs, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("A set of vital signs (422 emergency_vitals_out_of_range per field outside physiological limits).");
        crew.MapPost("/cases/{id:guid}/treatments", async (Guid id, TreatmentBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordEmergencyTreatment(id, body.GivenAt, body.Description, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("A treatment given.");
        crew.MapPut("/cases/{id:guid}/destination", async (Guid id, DestinationBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetEmergencyDestination(id, body.DestinationId, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("The receiving hospital (the first one named is the pre-notification).");
        crew.MapPost("/cases/{id:guid}/messages", async (Guid id, MessageBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PostEmergencyMessage(id, body.Text, MessageSide.Crew, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("A message to the department.");
        crew.MapPost("/cases/{id:guid}/timeline", async (Guid id, TimelineBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordEmergencyTime(id, body.Kind, body.At, MessageSide.Crew, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Scene departure, arrival or handover.");
        crew.MapPost("/cases/{id:guid}/activation", async (Guid id, ActivationBody body, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ActivateEmergencyPathway(id, body.Pathway, MessageSide.Crew, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Field activation of the stroke, chest-pain or trauma team at the destination.");
        crew.MapPost("/cases/{id:guid}/attachments", async (Guid id, IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] string? caption, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new AttachEmergencyPhoto(id, file.FileName, content, file.Length, caption, Stamp(context)), ct));
            })
            .AcceptsFileUpload()
            .RequireSyncStamp()
            .WithSummary("A photo (ECG strip, injury, medicine boxes, ID card) or a voice note (WebM/Opus, Ogg/Opus, MP4/AAC; at most 2 MB).");
        crew.MapPost("/cases/{id:guid}/family-notice", async (Guid id, HttpContext context, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new NotifyEmergencyFamily(id, Stamp(context)), ct)))
            .RequireSyncStamp()
            .WithSummary("Tell the patient's family where the patient is being taken.");
        crew.MapPost("/cases/{id:guid}/video-call/decline", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EndEmergencyVideoCall(id, Declined: true), ct)))
            .WithSummary("Decline the department's ringing video call (online only: no sync headers).");
        crew.MapPost("/cases/{id:guid}/position", async (Guid id, PositionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateCrewPosition(id, body.Latitude, body.Longitude, body.RecordedAt), ct)))
            .WithSummary("The crew's position (every 15 s; no sync headers; older than the last is ignored): answers the ETA.");

        var department = app.MapGroup("/api/emergency/department").WithTags("Emergency")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.EmergencyStaff);
        department.MapGet("/cases", async (EmergencyCaseStatus? status, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDepartmentCases(status), ct)))
            .WithSummary("The board: cases coming to my hospital by ETA then triage level (or handed over in the last 24 hours).");
        department.MapPost("/cases/{id:guid}/accept", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new AcceptEmergencyCase(id), ct)))
            .WithSummary("Accept the case: registers the patient with the HIS (ADT^A04 / Encounter class EMER) through the outbox.");
        department.MapPost("/cases/{id:guid}/messages", async (Guid id, MessageBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PostEmergencyMessage(id, body.Text, MessageSide.Department, null), ct)))
            .WithSummary("A message to the crew.");
        department.MapPost("/cases/{id:guid}/timeline", async (Guid id, TimelineBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordEmergencyTime(id, body.Kind, body.At, MessageSide.Department, null), ct)))
            .WithSummary("Arrival, handover or the start of the CT (door-to-CT).");
        department.MapPost("/cases/{id:guid}/activation", async (Guid id, ActivationBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ActivateEmergencyPathway(id, body.Pathway, MessageSide.Department, null), ct)))
            .WithSummary("Activate a pathway team.");
        department.MapPost("/cases/{id:guid}/video-call", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartEmergencyVideoCall(id), ct)))
            .WithSummary("Call the crew by video: the case's video room (its id is the case's; join it on /hubs/visits) opens and the crew's phones ring on /hubs/emergency.");
        department.MapPost("/cases/{id:guid}/merge", async (Guid id, MergeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MergeEmergencyPatient(id, body.PatientId), ct)))
            .WithSummary("Merge the unknown patient into their record (audit-logged with both ids).");
        department.MapGet("/quality", async (DateOnly from, DateOnly to, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEmergencyQuality(from, to), ct)))
            .WithSummary("Quality review: intervals per pathway over a period (first-contact dates, hospital time).");
        department.MapGet("/quality.csv", async (DateOnly from, DateOnly to, ISender sender, HttpContext context, CancellationToken ct) =>
            {
                var csv = await sender.Send(new ExportEmergencyQuality(from, to), ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(csv.Content, "text/csv; charset=utf-8", $"emergency-quality-{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
            })
            .WithSummary("The same period as CSV, one row per case.");

        app.MapHub<EmergencyHub>(EmergencyHub.Path).RequireAuthorization();
    }

    private static SyncStamp Stamp(HttpContext context) => (SyncStamp)context.Items[typeof(SyncStamp)]!;

    internal sealed record StartBody(Guid Id, DateTimeOffset? CalledAt, DateTimeOffset? FirstContactAt);

    internal sealed record IdentifyBody(IdentifyMethod? Method, string? Code, string? IdNumber, Guid? PatientId, Sex? Sex, int? EstimatedAge, string? Description);

    internal sealed record AssessBody(
        string? ChiefComplaint, DateTimeOffset? OnsetAt, DateTimeOffset? LastKnownWellAt, int? TriageLevel, EmergencyPathway? Pathway,
        StrokeScale? StrokeScale, int? StrokeScore, bool? Stemi, string? TraumaMechanism);

    internal sealed record VitalsBody(
        DateTimeOffset? MeasuredAt, int? HeartRate, int? Systolic, int? Diastolic, int? SpO2, int? RespiratoryRate, decimal? Temperature, decimal? Glucose, int? Gcs);

    internal sealed record TreatmentBody(DateTimeOffset? GivenAt, string? Description);

    internal sealed record DestinationBody(Guid DestinationId);

    internal sealed record MessageBody(string? Text);

    internal sealed record TimelineBody(TimelineKind? Kind, DateTimeOffset? At);

    internal sealed record ActivationBody(EmergencyPathway? Pathway);

    internal sealed record PositionBody(double Latitude, double Longitude, DateTimeOffset? RecordedAt);

    internal sealed record MergeBody(Guid PatientId);
}

internal static class SyncStampFilter
{
    /// <summary>
    /// Crew writes must carry <c>Idempotency-Key</c> (a UUID) and <c>X-Client-Sequence</c> (1, 2, … per case);
    /// without them the write cannot be applied once and in order, so it is refused before anything runs.
    /// </summary>
    public static RouteHandlerBuilder RequireSyncStamp(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var headers = context.HttpContext.Request.Headers;
        if (!Guid.TryParse(headers[EmergencyEndpoints.IdempotencyKeyHeader].ToString(), out var key) || key == Guid.Empty
            || !int.TryParse(headers[EmergencyEndpoints.SequenceHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The crew write has no valid sync headers.",
                detail: $"Send {EmergencyEndpoints.IdempotencyKeyHeader} (a UUID) and {EmergencyEndpoints.SequenceHeader} (1, 2, … per case).",
                extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "emergency_sync_headers_required" });
        }

        context.HttpContext.Items[typeof(SyncStamp)] = new SyncStamp(key, sequence);
        return await next(context);
    });
}
