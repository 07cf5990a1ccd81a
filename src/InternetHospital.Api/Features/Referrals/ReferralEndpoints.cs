using InternetHospital.Api.Common;
using InternetHospital.Application.Referrals;
using Mediator;

namespace InternetHospital.Api.Features.Referrals;

/// <summary>
/// Two-way referral (双向转诊): the doctors' side (refer up or down, incoming and outgoing lists, accept with a reserved
/// time, decline, cancel, complete), the patient's side keyed by patient id (my referrals, one-tap booking), and the
/// admin's department settings and reserved referral slots.
/// </summary>
internal sealed class ReferralEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var doctor = app.MapGroup("/api/referrals").WithTags("Referrals")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Doctor);
        doctor.MapGet("/", async (ReferralBox? box, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReferrals(box ?? ReferralBox.Incoming), ct)))
            .WithSummary("Incoming referrals (to your department or teams) or outgoing ones (sent by your institution), newest first.");
        doctor.MapGet("/targets", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReferralTargets(), ct)))
            .WithSummary("Hospital departments that take referrals and the family-doctor teams.");
        doctor.MapGet("/patients/{patientId:guid}/lab-reports", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListReferableReports(patientId), ct)))
            .WithSummary("The released lab reports of a patient of yours, to attach to a referral.");
        doctor.MapPost("/up", async (ReferPatientUp body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body, ct)))
            .WithSummary("Refer a patient of yours up to a hospital department (422 referral_department_closed when it takes none).");
        doctor.MapPost("/down", async (ReferPatientDown body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body, ct)))
            .WithSummary("Refer a recovering patient down to their family-doctor team with a care plan.");
        doctor.MapPost("/files", async (Guid patientId, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Ok(await sender.Send(new UploadReferralFile(patientId, file.FileName, content, file.Length), ct));
            })
            .AcceptsFileUpload()
            .WithSummary("Upload a document (image or PDF) of a patient of yours to attach to a referral.");
        doctor.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetReferral(id), ct)))
            .WithSummary("One referral with its timeline (and, for the receiving department, the reserved times to propose).");
        doctor.MapPost("/{id:guid}/accept", async (Guid id, AcceptBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcceptReferral(id, body?.SlotId), ct)))
            .WithSummary("Accept (with a reserved referral time to propose, for referrals up).");
        doctor.MapPost("/{id:guid}/propose", async (Guid id, ProposeBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ProposeReferralAppointment(id, body.SlotId), ct)))
            .WithSummary("Propose a (another) reserved referral time to the patient.");
        doctor.MapPost("/{id:guid}/decline", async (Guid id, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DeclineReferral(id, body.Reason ?? string.Empty), ct)))
            .WithSummary("Decline with a reason.");
        doctor.MapPost("/{id:guid}/cancel", async (Guid id, ReasonBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelReferral(id, body?.Reason), ct)))
            .WithSummary("The referring doctor withdraws an open referral.");
        doctor.MapPost("/{id:guid}/complete", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new CompleteReferral(id), ct)))
            .WithSummary("The receiving side closes the referral.");

        var patient = app.MapGroup("/api/patients/{patientId:guid}/referrals").WithTags("Referrals")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Patient);
        patient.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMyReferrals(patientId), ct)))
            .WithSummary("My referrals, newest first.");
        patient.MapGet("/{id:guid}", async (Guid patientId, Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyReferral(patientId, id), ct)))
            .WithSummary("One referral, with the reserved times that can be booked while a time is proposed.");
        patient.MapPost("/{id:guid}/book", async (Guid patientId, Guid id, BookBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new BookReferralAppointment(patientId, id, body?.SlotId), ct)))
            .WithSummary("Book the proposed time (or another reserved referral time of the department) in one tap.");

        var admin = app.MapGroup("/api/admin/referrals").WithTags("Administration")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.SystemAdmin);
        admin.MapGet("/departments", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReferralDepartments(), ct)))
            .WithSummary("Hospital departments: whether each takes referrals, the release rule and how many slots it holds back.");
        admin.MapPut("/departments/{id:guid}", async (Guid id, DepartmentBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetDepartmentReferrals(id, body.AcceptsReferrals, body.ReleaseHoursBefore), ct)))
            .WithSummary("Whether the department takes referrals and how many hours before they start its reserved slots go public.");
        admin.MapGet("/departments/{id:guid}/slots", async (Guid id, DateOnly? from, int? days, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListDepartmentReferralSlots(id, from, days ?? 14), ct)))
            .WithSummary("The department's free slots over some days, with which are reserved for referrals.");
        admin.MapPut("/departments/{id:guid}/slots", async (Guid id, ReserveBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new { changed = await sender.Send(new ReserveReferralSlots(id, body.SlotIds ?? [], body.Reserved), ct) }))
            .WithSummary("Hold specific free slots back for referrals, or give them back to public booking.");
    }

    internal sealed record AcceptBody(Guid? SlotId);

    internal sealed record ProposeBody(Guid SlotId);

    internal sealed record ReasonBody(string? Reason);

    internal sealed record BookBody(Guid? SlotId);

    internal sealed record DepartmentBody(bool AcceptsReferrals, int ReleaseHoursBefore);

    internal sealed record ReserveBody(IReadOnlyList<Guid>? SlotIds, bool Reserved);
}
