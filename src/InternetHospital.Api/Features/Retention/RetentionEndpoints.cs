using InternetHospital.Api.Common;
using InternetHospital.Application.Retention;
using Mediator;

namespace InternetHospital.Api.Features.Retention;

/// <summary>Legal holds: an admin stops the retention job deleting anything of one patient's, and releases it again.</summary>
internal sealed class RetentionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/legal-holds").WithTags("Retention").WithProblems(StatusCodes.Status409Conflict).RequireAuthorization(Policies.SystemAdmin);
        group.MapGet("/", async (Guid? patientId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListLegalHolds(patientId), ct)))
            .WithSummary("Legal holds in force, or every hold of one patient.");
        group.MapPost("/", async (PlaceLegalHoldRequest body, ISender sender, CancellationToken ct) =>
            {
                var hold = await sender.Send(new PlaceLegalHold(body.PatientId ?? Guid.Empty, body.Reason ?? string.Empty), ct);
                return TypedResults.Created($"/api/admin/legal-holds/{hold.Id}", hold);
            })
            .WithSummary("Put a patient's records on legal hold (with a reason): nothing of theirs is deleted while it holds.");
        group.MapPost("/{id:guid}/release", async (Guid id, ReleaseLegalHoldRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReleaseLegalHold(id, body.Reason ?? string.Empty), ct)))
            .WithSummary("Release a legal hold (with a reason).");
    }

    internal sealed record PlaceLegalHoldRequest(Guid? PatientId, string? Reason);

    internal sealed record ReleaseLegalHoldRequest(string? Reason);
}
