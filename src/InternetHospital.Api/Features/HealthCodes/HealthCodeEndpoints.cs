using InternetHospital.Api.Common;
using InternetHospital.Application.HealthCodes;
using InternetHospital.Application.Renewals;
using Mediator;

namespace InternetHospital.Api.Features.HealthCodes;

/// <summary>
/// The health code (电子健康码, domain rule 27): the patient's dynamic and printed codes (keyed by patient id, so a
/// guardian or proxy shows the code of the person they act for), the desks' scan and its one-tap follow-ups, and the
/// published verification keys a third-party scanner needs to verify codes offline.
/// </summary>
internal sealed class HealthCodeEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        // Public by design: verification keys, like an OpenID provider's JWKS. Cacheable for an hour.
        app.MapGet("/.well-known/health-code-keys", (IHealthCodeKeys keys, HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Ok(new { keys = keys.Published });
            })
            .AllowAnonymous()
            .WithTags("Health code")
            .WithSummary("The public keys (JWKS, ES256) that verify dynamic health codes offline.");

        var patient = app.MapGroup("/api/patients/{patientId:guid}/health-code").WithTags("Health code")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.Patient);
        patient.MapGet("/", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new IssueHealthCode(patientId), ct)))
            .WithSummary("A fresh dynamic code, valid 60 seconds, and the state of the printed code.");
        patient.MapPut("/pin", async (Guid patientId, PinBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetHealthCodePin(patientId, body.Pin), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set the 6-digit PIN the printed code needs (setting it again unlocks it after wrong tries).");
        patient.MapPost("/static", async (Guid patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new IssueStaticHealthCode(patientId), ct)))
            .WithSummary("Print a static code (shown once; issuing again revokes the previous one).");
        patient.MapDelete("/static", async (Guid patientId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeStaticHealthCode(patientId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke the printed code.");

        var staff = app.MapGroup("/api/staff/health-code").WithTags("Health code")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization(Policies.HealthCodeScanners);
        staff.MapPost("/scan", async (ScanBody body, ISender sender, CancellationToken ct) =>
            {
                var outcome = await sender.Send(new ScanHealthCode(body.Code, body.Pin, body.Purpose, body.Place), ct);

                // Note: thrown only now, after the mediator committed the refusal's audit entry and the PIN count.
                return outcome.Refusal is { } refusal ? throw refusal : TypedResults.Ok(outcome.Scan!);
            })
            .WithSummary("Identify a patient by their dynamic or printed (with PIN) code, for check-in, pickup, a home visit or an emergency.");
        staff.MapPost("/scans/{scanId:guid}/check-in", async (Guid scanId, CheckInBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckInByHealthCode(scanId, body.AppointmentId), ct)))
            .WithSummary("One-tap check-in for one of today's appointments of the scanned patient at this institution.");
        staff.MapPost("/scans/{scanId:guid}/hand-over/{renewalId:guid}", async (Guid scanId, Guid renewalId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RecordDispensing(renewalId, DispensingStep.PickedUp, null, null, null, scanId), ct)))
            .RequireAuthorization(Policies.Pharmacist)
            .WithSummary("Hand dispensed medicine to the patient identified by the pharmacist's pickup scan (instead of the pickup code).");
    }

    internal sealed record PinBody(string? Pin);

    internal sealed record ScanBody(string? Code, string? Pin, string? Purpose, string? Place);

    internal sealed record CheckInBody(Guid AppointmentId);
}
