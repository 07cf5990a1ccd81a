using InternetHospital.Api.Common;
using InternetHospital.Application.Appointments;
using InternetHospital.Domain.Hospital;
using Mediator;

namespace InternetHospital.Api.Features.Appointments;

internal sealed class AppointmentEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appointments").WithTags("Appointments").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/", async (BookRequest body, ISender sender, CancellationToken ct) =>
            {
                var booked = await sender.Send(new BookAppointment(body.PatientId, body.SlotId, body.VisitType, body.ProofFileId, body.GuardianPresent), ct);
                return TypedResults.Created($"/api/appointments/{booked.Id}", booked);
            })
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Take a slot: held for payment (or for the doctor's review of uploaded proof). 409 slot_taken if someone was faster.");

        group.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct, AppointmentScope scope = AppointmentScope.Upcoming, int page = 1, int pageSize = 20) =>
                TypedResults.Ok(await sender.Send(new ListAppointments(patientId, scope, page, pageSize), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("A patient's upcoming or past appointments.");

        group.MapGet("/eligibility", async (Guid patientId, Guid doctorId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckVideoEligibility(patientId, doctorId), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Whether the patient may see this doctor on video (follow-up rule), and why.");

        group.MapPost("/proofs", async (Guid patientId, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new UploadFollowUpProof(patientId, file.FileName, content, file.Length), ct));
            })
            .AcceptsFileUpload()
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Upload proof of an in-person diagnosis (image or PDF) for a video follow-up booking.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetAppointment(id), ct)))
            .RequireAuthorization()
            .WithSummary("One appointment, for its patient or its doctor.");

        group.MapPost("/{id:guid}/payment", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartAppointmentPayment(id), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Start (or resume) paying the fee of a held appointment.");

        group.MapPost("/{id:guid}/cancel", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new CancelAppointment(id), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Cancel (until the cut-off before the start); a paid fee is refunded in full.");

        group.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RescheduleAppointment(id, body.SlotId), ct)))
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Move to another free time of the same doctor (until the cut-off).");

        group.MapGet("/{id:guid}/calendar.ics", async (Guid id, ISender sender, HttpContext context, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetAppointmentCalendarFile(id), ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(file.Content, "text/calendar", file.FileName);
            })
            .RequireAuthorization(Policies.Patient)
            .WithSummary("The appointment as a calendar file.");

        group.MapGet("/{id:guid}/proof", async (Guid id, ISender sender, HttpContext context, CancellationToken ct) =>
                FileTransfer.Send(await sender.Send(new GetFollowUpProof(id), ct), context))
            .RequireAuthorization()
            .WithSummary("The proof of diagnosis attached to a video follow-up (its patient and its doctor).");

        group.MapPost("/{id:guid}/follow-up-review", async (Guid id, ReviewRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReviewFollowUp(id, body.Accept, body.Note), ct)))
            .RequireAuthorization(Policies.Doctor)
            .WithSummary("The doctor accepts or rejects uploaded proof as the basis of a video follow-up.");

        group.MapPost("/{id:guid}/no-show", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new MarkNoShow(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The doctor records that the patient did not come.");

        // Note: administrators get 404 on appointments like any stranger; this is the one, loud, way in.
        app.MapPost("/api/admin/appointments/{id:guid}/break-glass", async (Guid id, BreakGlassRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new BreakGlassReadAppointment(id, body.Reason), ct)))
            .WithTags("Appointments")
            .WithProblems()
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Break-glass: read one appointment with a written reason (audit-logged; its doctor is told). Each read needs its own reason.");
    }

    internal sealed record BookRequest(Guid PatientId, Guid SlotId, VisitType VisitType, Guid? ProofFileId, bool GuardianPresent = false);

    internal sealed record RescheduleRequest(Guid SlotId);

    internal sealed record ReviewRequest(bool Accept, string? Note);

    internal sealed record BreakGlassRequest(string? Reason);
}
