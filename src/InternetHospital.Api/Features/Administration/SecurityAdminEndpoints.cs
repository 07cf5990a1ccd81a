using InternetHospital.Api.Common;
using InternetHospital.Application.Administration.StaffAccounts;
using Mediator;

namespace InternetHospital.Api.Features.Administration;

/// <summary>The security administrator: staff accounts, their roles, locks and disabling (domain rule 31). Every change is audited.</summary>
internal sealed class SecurityAdminEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/admin/accounts").WithTags("Account administration").WithProblems(StatusCodes.Status409Conflict).RequireAuthorization(Policies.SecurityAdmin);

        accounts.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStaffAccounts(), ct)))
            .WithSummary("Staff accounts (doctors, pharmacists, administrators) with their roles, locks and two-factor state.");
        accounts.MapPost("/{id:guid}/lock", async (Guid id, DateTimeOffset? until, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new LockStaffAccount(id, until), ct)))
            .WithSummary("Lock a staff account (until ?until=, or until unlocked) and end its sessions. Not your own (409 own_account).");
        accounts.MapPost("/{id:guid}/unlock", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UnlockStaffAccount(id), ct)))
            .WithSummary("Lift a lock, including the one five wrong passwords set.");
        accounts.MapPost("/{id:guid}/disable", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new DisableStaffAccount(id), ct)))
            .WithSummary("Disable a staff account: it cannot sign in, and every session ends now. Not your own (409 own_account).");
        accounts.MapPost("/{id:guid}/enable", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new EnableStaffAccount(id), ct)))
            .WithSummary("Let a disabled staff account sign in again.");
        accounts.MapPut("/{id:guid}/role", async (Guid id, RoleRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AssignStaffRole(id, body.Role), ct)))
            .WithSummary("Replace a staff account's role (SystemAdmin, SecurityAdmin, AuditAdmin or Pharmacist); doctors and patients cannot be given one (409 role_not_assignable).");
    }

    internal sealed record RoleRequest(string? Role);
}
