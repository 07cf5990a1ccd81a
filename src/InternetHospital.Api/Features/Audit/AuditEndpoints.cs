using InternetHospital.Api.Common;
using InternetHospital.Application.Audit;
using Mediator;

namespace InternetHospital.Api.Features.Audit;

internal sealed class AuditEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/audit").WithTags("Audit").WithProblems().RequireAuthorization(Policies.AuditAdmin);
        group.MapGet("/", async (ISender sender, CancellationToken ct, Guid? patientId, Guid? actorAccountId, DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor, int page = 1, int pageSize = 50) =>
                TypedResults.Ok(await sender.Send(new SearchAuditLog(patientId, actorAccountId, from, to, page, pageSize, action, actor), ct)))
            .WithSummary("Who read or changed a patient's data (or what a person did, or every use of an action) between two dates; actor is a name or an exact e-mail.");
        group.MapGet("/export", async (ISender sender, CancellationToken ct, Guid? patientId, Guid? actorAccountId, DateTimeOffset? from, DateTimeOffset? to, string? action, string? actor) =>
            {
                var csv = await sender.Send(new ExportAuditLog(patientId, actorAccountId, from, to, action, actor), ct);
                return TypedResults.File(csv.Content, "text/csv; charset=utf-8", "audit-log.csv");
            })
            .WithSummary("The same search as a CSV file (UTF-8 with a byte order mark for Excel, newest first, at most 10,000 rows).");
        group.MapGet("/actions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListAuditActions(), ct)))
            .WithSummary("The action codes the audit log holds, for the action filter.");
        group.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyAuditChain(), ct)))
            .WithSummary("Recompute the audit hash chain and report the first link that does not hold.");
    }
}
