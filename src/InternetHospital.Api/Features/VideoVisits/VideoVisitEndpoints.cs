using InternetHospital.Api.Common;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.VideoVisits.Chat;
using InternetHospital.Application.VideoVisits.Consultation;
using InternetHospital.Application.VideoVisits.Record;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.VideoVisits;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// Video visits. A visit's id is its appointment's id. Participants (the appointment's patient, its doctor, invited
/// specialists) are checked by the application on every call; anyone else gets 404.
/// </summary>
internal sealed class VideoVisitEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/video-visits").WithTags("Video visits").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/ice-servers", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetIceServers(), ct)))
            .RequireAuthorization(GuestAuthentication.Policy)
            .WithSummary("STUN/TURN servers for WebRTC, with short-lived TURN credentials of your own.");
        group.MapGet("/icd10", async (ISender sender, CancellationToken ct, string q = "", int limit = 20) => TypedResults.Ok(await sender.Send(new SearchIcd10(q, limit), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Search the bundled ICD-10 list by code or words (Chinese or English).");

        group.MapGet("/consulting-session", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetConsultingSession(), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Your current session of visits (domain rule 3), if you started one.");
        group.MapPost("/consulting-session", async (ConsultingSessionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartConsultingSession(body.Password ?? string.Empty, body.Code), ct)))
            .RequireAuthorization(Policies.Doctor)
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Start a session of visits by confirming who you are: your password, and your authenticator code if two-factor sign-in is on.");

        group.MapDelete("/consulting-session", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new EndConsultingSession(), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("End your session of visits; admitting the next patient asks who you are again.");

        group.MapGet("/today", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTodaysVideoVisits(), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Your video visits today, who is waiting and for how long, and consultations you are invited to.");
        group.MapGet("/mine", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyVideoVisits(), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Your video visits from yesterday to two weeks ahead, and where each stands.");
        group.MapGet("/specialists", async (ISender sender, CancellationToken ct, string q = "") => TypedResults.Ok(await sender.Send(new FindSpecialists(q), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Doctors to invite into a visit, by name or department.");

        group.MapGet("/{id:guid}/waiting-room", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetWaitingRoom(id), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Your video appointment's waiting room: check-in time, doctor's status, your place in the queue.");
        // Note: guardianPresent (domain rule 4, a child under 6) is a query flag, so check-in keeps taking no body.
        group.MapPost("/{id:guid}/check-in", async (Guid id, ISender sender, CancellationToken ct, bool guardianPresent = false) =>
                TypedResults.Ok(await sender.Send(new CheckInForVisit(id, guardianPresent), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Check in for your video appointment (from 15 minutes before the start).");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetVideoVisit(id), ct)))
            .RequireAuthorization()
            .WithSummary("A visit you take part in; for the patient, the after-visit summary once it is completed.");
        group.MapPost("/{id:guid}/admit", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new AdmitPatient(id), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Admit the waiting patient: the call starts.");

        group.MapGet("/{id:guid}/messages", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListVisitMessages(id), ct)))
            .RequireAuthorization(GuestAuthentication.Policy)
            .WithSummary("The visit's chat.");
        group.MapPost("/{id:guid}/messages", async (Guid id, MessageRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SendVisitMessage(id, body.Text, null), ct)))
            .RequireAuthorization(GuestAuthentication.Policy)
            .RequireAccountRateLimit(RateLimitPolicies.VisitChat)
            .WithSummary("Write in the visit's chat.");
        group.MapPost("/{id:guid}/files", async (Guid id, IFormFile file, [FromForm] string? text, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SendVisitMessage(id, text, file.ToUpload(null, SendVisitMessage.FilePurpose)), ct)))
            .RequireAuthorization()
            .RequireAccountRateLimit(RateLimitPolicies.VisitChat)
            .AcceptsFileUpload()
            .WithSummary("Share a photo or PDF (10 MB at most) in the visit's chat.");
        group.MapGet("/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, HttpContext context, ISender sender, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetVisitFile(id, fileId), ct), context))
            .RequireAuthorization()
            .WithSummary("A file shared in the visit's chat (participants only).");

        group.MapPut("/{id:guid}/note", async (Guid id, NoteRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveVisitNote(id, body.ChiefComplaint, body.History, body.Assessment, body.Plan, body.Diagnoses, body.FollowUpAdvice), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Save the visit note (while the visit is open).");
        group.MapPost("/{id:guid}/follow-up", async (Guid id, FollowUpRequest body, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(new OrderFollowUp(id, body.SlotId, body.VisitType), ct);
                return TypedResults.Created($"/api/appointments/{booked.Id}", booked);
            })
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Order a follow-up appointment in one of your free slots (before the note is signed); the patient confirms by paying.");
        group.MapPost("/{id:guid}/complete", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new CompleteVisit(id), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Complete the visit: sign the note and send the encounter to the HIS.");
        group.MapPost("/{id:guid}/refer", async (Guid id, ReferRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StopAndRefer(id, body.Reason, body.Detail), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Stop the online visit and refer the patient to in-person or emergency care.");
        group.MapPost("/{id:guid}/addenda", async (Guid id, AddendumRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddVisitAddendum(id, body.Text ?? string.Empty), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Add a signed addendum to a finished visit's record.");
        group.MapPost("/{id:guid}/specialists", async (Guid id, InviteRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new InviteSpecialist(id, body.DoctorId), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("Invite a specialist into the visit (remote consultation).");

        // Note: the hub, the chat and the ICE servers also accept a visit guest's credential (GuestAuthentication);
        // every other endpoint, the record's included, knows only signed-in accounts.
        app.MapHub<VisitHub>(VisitHub.Path).RequireAuthorization(GuestAuthentication.Policy);
    }

    internal sealed record ConsultingSessionRequest(string? Password, string? Code);

    internal sealed record MessageRequest(string? Text);

    internal sealed record NoteRequest(
        string? ChiefComplaint,
        string? History,
        string? Assessment,
        string? Plan,
        IReadOnlyList<DiagnosisInput>? Diagnoses,
        string? FollowUpAdvice);

    internal sealed record FollowUpRequest(Guid SlotId, VisitType VisitType);

    internal sealed record ReferRequest(ReferralReason Reason, string? Detail);

    internal sealed record AddendumRequest(string? Text);

    internal sealed record InviteRequest(Guid DoctorId);
}
