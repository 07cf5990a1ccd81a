using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// The contracts' clock (run by a background job, and by tests when they choose): reminds patients when renewal opens
/// 30 days before the end, and marks contracts whose end has passed as expired. Idempotent: a reminder is sent once,
/// and with several instances the contract's concurrency token lets one of them win.
/// </summary>
public sealed record ProcessFamilyContractLifecycle : ICommand<ContractLifecycleResult>
{
    public const int BatchSize = 100;

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<ProcessFamilyContractLifecycle, ContractLifecycleResult>
    {
        public async ValueTask<ContractLifecycleResult> Handle(ProcessFamilyContractLifecycle command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var windowEnd = now + FamilyContract.RenewalWindow;

            var expiring = await db.FamilyContracts.Include(c => c.Events)
                .Where(c => c.Status == ContractStatus.Active && c.EndsAt <= now)
                .OrderBy(c => c.EndsAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var reminding = await db.FamilyContracts.Include(c => c.Events)
                .Where(c => c.Status == ContractStatus.Active && c.EndsAt > now && c.EndsAt <= windowEnd && c.RenewalReminderSentAt == null && c.RenewalRequestedAt == null)
                .OrderBy(c => c.EndsAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            var teamIds = expiring.Concat(reminding).Select(c => c.TeamId).Distinct().ToList();
            var teams = await db.FamilyTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

            foreach (var contract in expiring.Where(c => c.Expire(now)))
            {
                audit.Record("family.contract.expired", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
                await notifier.TellPatientAsync(access, contract, teams[contract.TeamId], FamilyNotifications.ContractEnded, cancellationToken);
            }

            foreach (var contract in reminding)
            {
                contract.MarkRenewalReminderSent(now);
                await notifier.TellPatientAsync(access, contract, teams[contract.TeamId], FamilyNotifications.RenewalReminder, cancellationToken);
            }

            return new ContractLifecycleResult(reminding.Count, expiring.Count);
        }
    }
}

/// <param name="Reminded">Renewal reminders sent in this run.</param>
/// <param name="Expired">Contracts marked expired in this run.</param>
public sealed record ContractLifecycleResult(int Reminded, int Expired)
{
    public bool MoreMayBeDue => Reminded == ProcessFamilyContractLifecycle.BatchSize || Expired == ProcessFamilyContractLifecycle.BatchSize;
}
