using InternetHospital.Api.Common;
using InternetHospital.Application.Consultations;
using InternetHospital.Domain.Consultations;
using Mediator;

namespace InternetHospital.Api.Features.Consultations;

/// <summary>
/// Remote consultation between institutions (远程会诊): the doctors' side (request with consent and attachments,
/// incoming and outgoing lists, schedule, decline, cancel, start the video room, sign the opinion, addenda), the
/// patient's side keyed by patient id (my consultations, give consent, pay a fee), and the admin's fee per
/// institution pair.
/// </summary>
internal sealed class ConsultationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var doctor = app.MapGroup("/api/consultations").WithTags("Consultations")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Doctor);
        doctor.MapGet("/", async (ConsultationBox? box, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListConsultations(box ?? ConsultationBox.Incoming), ct)))
            .WithSummary("Incoming consultations (asked of you or your department) or outgoing ones (you asked), newest first.");
        doctor.MapGet("/targets", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListConsultationTargets(), ct)))
            .WithSummary("The other institutions' departments and doctors a consultation can be asked of.");
        doctor.MapPost("/", async (RequestConsultation body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body, ct)))
            .WithSummary("Ask for a remote consultation about a patient of yours (422 consultation_consent_required without the patient's consent).");
        doctor.MapPost("/files", async (Guid patientId, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new UploadConsultationFile(patientId, file.FileName, content, file.Length), ct));
            })
            .AcceptsFileUpload()
            .WithSummary("Upload a document (image or PDF) of a patient of yours to attach to a consultation request.");
        doctor.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetConsultation(id), ct)))
            .WithSummary("One consultation with the record summary, attachments, timeline and opinion.");
        doctor.MapPost("/{id:guid}/schedule", async (Guid id, ScheduleBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ScheduleConsultation(id, body.Start, body.InvitePatient), ct)))
            .WithSummary("Accept and set the time (optionally inviting the patient into the video room); you lead it.");
        doctor.MapPost("/{id:guid}/decline", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DeclineConsultation(id, body.Reason ?? string.Empty), ct)))
            .WithSummary("Decline with a reason.");
        doctor.MapPost("/{id:guid}/cancel", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelConsultation(id, body?.Reason), ct)))
            .WithSummary("The requesting doctor withdraws a consultation that has not started.");
        doctor.MapPost("/{id:guid}/start", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartConsultation(id), ct)))
            .WithSummary("The lead specialist opens the video room (the video visit's room, keyed by the consultation id).");
        doctor.MapPost("/{id:guid}/opinion", async (Guid id, OpinionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SignConsultationOpinion(id, body.Text ?? string.Empty, body.Disposition, body.SuggestedTests, body.SuggestedMedication, body.FollowUpInDays), ct)))
            .WithSummary("The lead specialist signs the opinion (hashed, read-only); it goes to both institutions' HIS.");
        doctor.MapPost("/{id:guid}/addenda", async (Guid id, AddendumBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddConsultationAddendum(id, body.Text ?? string.Empty), ct)))
            .WithSummary("Add a signed, hash-chained addendum to a signed opinion.");

        var patient = app.MapGroup("/api/patients/{patientId:guid}/consultations").WithTags("Consultations")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Patient);
        patient.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyConsultations(patientId), ct)))
            .WithSummary("My remote consultations (with signed opinions) and any consent given in the app not yet used.");
        patient.MapGet("/{id:guid}", async (Guid patientId, Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyConsultation(patientId, id), ct)))
            .WithSummary("One of my remote consultations.");
        patient.MapPost("/consent", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GiveConsultationConsent(patientId), ct)))
            .WithSummary("Consent to a remote consultation about me (my doctor's next request uses it).");
        patient.MapPost("/{id:guid}/payment", async (Guid patientId, Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartConsultationPayment(patientId, id), ct)))
            .WithSummary("Pay the consultation fee, when the two institutions charge one.");

        var admin = app.MapGroup("/api/admin/consultations").WithTags("Administration")
            .WithProblems(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.SystemAdmin);
        admin.MapGet("/fees", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListConsultationFees(), ct)))
            .WithSummary("The consultation fee of every pair of institutions (free unless set).");
        admin.MapPut("/fees", async (FeeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetConsultationFee(body.FromFacilityId, body.ToFacilityId, body.Amount), ct)))
            .WithSummary("Set the fee of consultations one institution asks of another (0 = free).");
    }

    internal sealed record ScheduleBody(DateTimeOffset Start, bool InvitePatient);

    internal sealed record ReasonBody(string? Reason);

    internal sealed record OpinionBody(string? Text, ConsultationDisposition Disposition, string? SuggestedTests, string? SuggestedMedication, int? FollowUpInDays);

    internal sealed record AddendumBody(string? Text);

    internal sealed record FeeBody(Guid FromFacilityId, Guid ToFacilityId, decimal Amount);
}
