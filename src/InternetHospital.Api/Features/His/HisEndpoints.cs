using InternetHospital.Api.Common;
using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using Mediator;

namespace InternetHospital.Api.Features.His;

/// <summary>
/// The HIS integration as people see it: admins watch the outbox (and its dead letters), retry or discard messages,
/// and decide identity reviews; a patient asks for their HIS record to be linked.
/// </summary>
internal sealed class HisEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/his").WithTags("HIS administration").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.SystemAdmin);

        admin.MapGet("/outbox", async (
                HisOutboxStatus? status, string? kind, Guid? patientId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListHisOutboxMessages(status, kind, patientId, from, to, page ?? 1, pageSize ?? 25), ct)))
            .WithSummary("Outbox messages, newest first; status=DeadLettered is the dead-letter list.");
        admin.MapGet("/outbox/kinds", () => TypedResults.Ok(HisMessageSerializer.AllKinds.Order(StringComparer.Ordinal)))
            .WithSummary("The kinds of message the portal sends to the HIS.");
        admin.MapGet("/outbox/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetHisOutboxMessage(id), ct)))
            .WithSummary("One message: payload, attempts and errors (audit-logged).");
        admin.MapPost("/outbox/{id:guid}/retry", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RetryHisOutboxMessage(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Send a dead-lettered message again with a fresh set of attempts.");
        admin.MapPost("/outbox/{id:guid}/discard", async (Guid id, DiscardRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DiscardHisOutboxMessage(id, body.Reason ?? string.Empty), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Give up on a pending or dead-lettered message, with a reason.");

        admin.MapGet("/identity-reviews", async (HisIdentityReviewStatus? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListHisIdentityReviews(status ?? HisIdentityReviewStatus.Pending), ct)))
            .WithSummary("The identity-verification queue (audit-logged).");
        admin.MapPost("/identity-reviews/{id:guid}/link", async (Guid id, LinkRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ResolveHisIdentityReview(id, body.HisPatientId ?? string.Empty, body.Note), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Link the patient to one of the candidates.");
        admin.MapPost("/identity-reviews/{id:guid}/reject", async (Guid id, RejectRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ResolveHisIdentityReview(id, null, body.Note), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("None of the candidates is this patient.");

        app.MapPost("/api/patients/{patientId:guid}/his-link", async (Guid patientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MatchHisIdentity(patientId), ct)))
            .WithTags("HIS")
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Patient)
            .WithSummary("Find the patient's record in the HIS and link it (or queue it for an admin to verify).");
    }
}

internal sealed record DiscardRequest(string? Reason);

internal sealed record LinkRequest(string? HisPatientId, string? Note);

internal sealed record RejectRequest(string? Note);
