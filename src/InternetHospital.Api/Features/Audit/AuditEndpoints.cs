using InternetHospital.Api.Common;
using InternetHospital.Application.Audit;
using Mediator;

namespace InternetHospital.Api.Features.Audit;

internal sealed class AuditEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/audit").WithTags("Audit").WithProblems().RequireAuthorization(Policies.AuditAdmin);
        group.MapGet("/", async (ISender sender, CancellationToken ct, Guid? patientId, Guid? actorAccountId, DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = 50) =>
                TypedResults.Ok(await sender.Send(new SearchAuditLog(patientId, actorAccountId, from, to, page, pageSize), ct)))
            .WithSummary("Who read or changed a patient's data (or what a person did) between two dates.");
        group.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyAuditChain(), ct)))
            .WithSummary("Recompute the audit hash chain and report the first link that does not hold.");
    }
}
