using InternetHospital.Api.Common;
using InternetHospital.Application.Renewals;
using InternetHospital.Domain.Renewals;
using Mediator;

namespace InternetHospital.Api.Features.Renewals;

/// <summary>
/// Prescription renewal: the patient's medicines and requests (keyed by patient id), the doctor's queue and decisions,
/// the pharmacy's review, dispensing and duty roster, and the administrator's fee setting.
/// </summary>
internal sealed class RenewalEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        MapPatient(app.MapGroup("/api/patients/{patientId:guid}").WithTags("Renewals").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Patient));
        MapDoctor(app.MapGroup("/api/doctor/renewals").WithTags("Renewals").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Doctor));
        MapPharmacy(app.MapGroup("/api/pharmacy").WithTags("Renewals").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.Pharmacist));

        var admin = app.MapGroup("/api/admin/renewal-settings").WithTags("Renewals").WithProblems().RequireAuthorization(Policies.SystemAdmin);
        admin.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRenewalSettings(), ct)))
            .WithSummary("The renewal fee and the long-prescription limit.");
        admin.MapPut("/", async (SettingsBody body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UpdateRenewalSettings(body.Fee), ct)))
            .WithSummary("Set the renewal fee (0 = none); it applies to prescriptions approved from now on.");
    }

    private static void MapPatient(RouteGroupBuilder patient)
    {
        patient.MapGet("/medications", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyMedications(patientId), ct)))
            .WithSummary("My medications: the HIS list merged with prescriptions from this portal, with renewability.");
        patient.MapGet("/renewal-eligibility/{drugId:guid}", async (Guid patientId, Guid drugId, int? daysSupply, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckRenewalEligibility(patientId, drugId, daysSupply), ct)))
            .WithSummary("Whether a medicine can be renewed online with this days supply, and every reason it cannot.");
        patient.MapGet("/renewals", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyRenewals(patientId), ct)))
            .WithSummary("The patient's renewal requests, newest first.");
        patient.MapPost("/renewals", async (Guid patientId, SubmitBody body, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(
                    new SubmitRenewal(patientId, body.Items ?? [], body.Fulfilment, body.DeliveryAddress, body.NewSymptoms, body.SideEffects, body.HospitalStay, body.Pregnancy, body.Details, body.GuardianPresent),
                    ct);
                return TypedResults.Created($"/api/patients/{patientId}/renewals/{created.Id}", created);
            })
            .WithSummary("Ask for medicines to be renewed (422 with the reason's code when a rule forbids it).");
        patient.MapGet("/renewals/{renewalId:guid}", async (Guid patientId, Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetMyRenewal(patientId, renewalId), ct)))
            .WithSummary("One request: steps, the approved prescription, the pickup code or the delivery.");
        patient.MapPost("/renewals/{renewalId:guid}/cancel", async (Guid patientId, Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CancelRenewal(patientId, renewalId), ct)))
            .WithSummary("Withdraw a request no doctor has decided on yet.");
        patient.MapPost("/renewals/{renewalId:guid}/payment", async (Guid patientId, Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new StartRenewalPayment(patientId, renewalId), ct)))
            .WithSummary("Start (or resume) paying the fee of an approved prescription.");
    }

    private static void MapDoctor(RouteGroupBuilder doctor)
    {
        doctor.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDoctorRenewalQueue(), ct)))
            .WithSummary("Requests waiting for you (your patients first) and what you decided recently.");
        doctor.MapGet("/{renewalId:guid}", async (Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRenewalForDoctor(renewalId), ct)))
            .WithSummary("A request with the patient's history, check answers, flags and the catalogue's limits.");
        doctor.MapPost("/{renewalId:guid}/approve", async (Guid renewalId, ApproveBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ApproveRenewal(renewalId, body.Lines, body.Note), ct)))
            .WithSummary("Approve and sign the prescription (possibly changing dose, frequency or days supply).");
        doctor.MapPost("/{renewalId:guid}/reject", async (Guid renewalId, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DeclineRenewal(renewalId, DoctorDeclineKind.Reject, body.Reason ?? string.Empty), ct)))
            .WithSummary("Reject the request with a reason.");
        doctor.MapPost("/{renewalId:guid}/request-visit", async (Guid renewalId, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DeclineRenewal(renewalId, DoctorDeclineKind.VideoVisit, body.Reason ?? string.Empty), ct)))
            .WithSummary("Ask to see the patient on video first; the patient is offered booking with you.");
    }

    private static void MapPharmacy(RouteGroupBuilder pharmacy)
    {
        pharmacy.MapGet("/queue", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPharmacyQueue(), ct)))
            .WithSummary("Prescriptions to review, to be paid, to dispense and out for collection or delivery; who is on duty.");
        pharmacy.MapPut("/duty", async (DutyBody body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new SetPharmacistDuty(body.OnDuty), ct)))
            .WithSummary("Go on or off duty.");
        pharmacy.MapGet("/renewals/{renewalId:guid}", async (Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRenewalForPharmacist(renewalId), ct)))
            .WithSummary("A signed prescription with the automated checks.");
        pharmacy.MapPost("/renewals/{renewalId:guid}/approve", async (Guid renewalId, JustificationBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReviewPrescription(renewalId, ReviewOutcome.Approve, body.Justification), ct)))
            .WithSummary("Approve (a severe finding needs a written justification).");
        pharmacy.MapPost("/renewals/{renewalId:guid}/reject", async (Guid renewalId, ReasonBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReviewPrescription(renewalId, ReviewOutcome.Reject, body.Reason), ct)))
            .WithSummary("Send the prescription back to the doctor with a reason.");
        pharmacy.MapPost("/renewals/{renewalId:guid}/dispense", async (Guid renewalId, DispenseBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordDispensing(renewalId, DispensingStep.Dispense, body.Carrier, body.TrackingNumber, null), ct)))
            .WithSummary("Dispense: ready at the window, or handed to the courier (carrier and tracking number).");
        pharmacy.MapPost("/renewals/{renewalId:guid}/delivery", async (Guid renewalId, DeliveryBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordDispensing(renewalId, StepFor(body.Status), null, null, null), ct)))
            .WithSummary("Move a delivery on: InTransit, then OutForDelivery.");
        pharmacy.MapPost("/renewals/{renewalId:guid}/picked-up", async (Guid renewalId, PickupBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordDispensing(renewalId, DispensingStep.PickedUp, null, null, body.PickupCode), ct)))
            .WithSummary("The patient collected the medicine (the pickup code they show is checked).");
        pharmacy.MapPost("/renewals/{renewalId:guid}/delivered", async (Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordDispensing(renewalId, DispensingStep.Delivered, null, null, null), ct)))
            .WithSummary("The delivery arrived.");
    }

    /// <summary>Only the two tracking steps can be set this way; anything else fails validation (step 0).</summary>
    private static DispensingStep StepFor(DeliveryStatus status) => status switch
    {
        DeliveryStatus.InTransit => DispensingStep.InTransit,
        DeliveryStatus.OutForDelivery => DispensingStep.OutForDelivery,
        _ => default,
    };

    internal sealed record SubmitBody(
        IReadOnlyList<SubmitRenewal.Item>? Items,
        Fulfilment Fulfilment,
        string? DeliveryAddress,
        bool NewSymptoms,
        bool SideEffects,
        bool HospitalStay,
        bool Pregnancy,
        string? Details,
        bool GuardianPresent = false);

    internal sealed record ApproveBody(IReadOnlyList<ApproveRenewal.Line>? Lines, string? Note);

    internal sealed record ReasonBody(string? Reason);

    internal sealed record JustificationBody(string? Justification);

    internal sealed record DispenseBody(string? Carrier, string? TrackingNumber);

    internal sealed record DeliveryBody(DeliveryStatus Status);

    internal sealed record PickupBody(string? PickupCode);

    internal sealed record DutyBody(bool OnDuty);

    internal sealed record SettingsBody(decimal Fee);
}
