using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The patient withdraws an application the team has not decided yet.</summary>
public sealed record WithdrawFamilyApplication(Guid ContractId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<WithdrawFamilyApplication>
    {
        public async ValueTask<Unit> Handle(WithdrawFamilyApplication command, CancellationToken cancellationToken)
        {
            var contract = await PatientContractLoading.LoadAsync(db, guard, command.ContractId, cancellationToken);
            contract.Withdraw(currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("family.contract.withdrawn", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            return Unit.Value;
        }
    }
}

/// <summary>The patient asks to renew, from 30 days before the end; the team decides.</summary>
public sealed record RequestFamilyContractRenewal(Guid ContractId) : ICommand
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IFamilyAccess access,
        ICurrentUser currentUser,
        INotifier notifier,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<RequestFamilyContractRenewal>
    {
        public async ValueTask<Unit> Handle(RequestFamilyContractRenewal command, CancellationToken cancellationToken)
        {
            var contract = await PatientContractLoading.LoadAsync(db, guard, command.ContractId, cancellationToken);
            contract.RequestRenewal(currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("family.contract.renewal_requested", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.NotifyAllAsync(await access.TeamAccountsAsync(contract.TeamId, cancellationToken), FamilyNotifications.RenewalRequested, FamilyNotifications.DoctorPanelLink, cancellationToken);
            return Unit.Value;
        }
    }
}

internal static class PatientContractLoading
{
    /// <summary>A contract of a patient the signed-in account acts for; anybody else's answers 404.</summary>
    public static async Task<FamilyContract> LoadAsync(IAppDbContext db, IPatientAccessGuard guard, Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.FamilyContracts.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken)
            ?? throw new NotFoundException("Contract", contractId);
        try
        {
            await guard.EnsureCanActForAsync(contract.PatientId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Contract", contractId);
        }

        return contract;
    }
}
