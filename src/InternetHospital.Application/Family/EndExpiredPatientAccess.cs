using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// The daily job's work: records the end of grants that have stopped working (a guardian's on the child's 18th
/// birthday, a proxy's at its end date). The guard already refuses them on the day; this makes the end visible
/// (who, when, why) and tells the people concerned: the young adult learns that they may invite the former guardian
/// back. Works in batches; <see cref="EndedAccess.MoreMayBeDue"/> asks for another round at once.
/// </summary>
public sealed record EndExpiredPatientAccess(int BatchSize = 100) : ICommand<EndedAccess>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts, INotifier notifier, IAuditLog audit) : ICommandHandler<EndExpiredPatientAccess, EndedAccess>
    {
        public async ValueTask<EndedAccess> Handle(EndExpiredPatientAccess command, CancellationToken cancellationToken)
        {
            var today = family.Today;
            var now = family.Now;
            var adultBorn = today.AddYears(-family.Bands.AdultAt);
            var due = await (
                from a in db.PatientAccesses
                join p in db.Patients on a.PatientId equals p.Id
                where a.RevokedAt == null && a.Relationship != PatientRelationship.Self
                      && ((a.EndsOn != null && a.EndsOn <= today) || (a.Relationship == PatientRelationship.Guardian && p.DateOfBirth <= adultBorn))
                orderby a.GrantedAt
                select new { Access = a, Patient = p })
                .Take(command.BatchSize)
                .ToListAsync(cancellationToken);

            var guardians = 0;
            foreach (var row in due)
            {
                var access = row.Access;
                var majority = access.Relationship == PatientRelationship.Guardian;
                access.Revoke(null, majority ? "age_of_majority" : "expired", now);
                audit.Record(majority ? "family.guardian_access_ended" : "family.proxy_access_expired", nameof(PatientAccess), access.Id.ToString(), access.PatientId);
                var guardianName = await NameOfAsync(access.AccountId, cancellationToken);
                await notifier.NotifyAsync(
                    new Notice(access.AccountId, ProxyNotifications.AccessEnded, new Dictionary<string, string> { ["name"] = row.Patient.FullName }, ProxyNotifications.MembersLink),
                    cancellationToken);
                if (majority)
                {
                    guardians++;
                    var patientId = access.PatientId;
                    var own = await db.PatientAccesses.Where(a => a.PatientId == patientId && a.Relationship == PatientRelationship.Self && a.RevokedAt == null)
                        .Select(a => a.AccountId).ToListAsync(cancellationToken);
                    foreach (var account in own)
                    {
                        await notifier.NotifyAsync(
                            new Notice(account, ProxyNotifications.GuardianAccessEnded, new Dictionary<string, string> { ["name"] = guardianName, ["accessId"] = access.Id.ToString() }, ProxyNotifications.ProxiesLink),
                            cancellationToken);
                    }
                }
            }

            return new EndedAccess(guardians, due.Count - guardians, due.Count == command.BatchSize);
        }

        private async Task<string> NameOfAsync(Guid accountId, CancellationToken cancellationToken) =>
            (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
    }
}

public sealed record EndedAccess(int GuardiansEnded, int ProxiesExpired, bool MoreMayBeDue);
