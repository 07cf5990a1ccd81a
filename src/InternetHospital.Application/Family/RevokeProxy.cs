using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// An adult ends a proxy's (or a former guardian's) access to their record, at any time and without giving a reason
/// (domain rule 24). The access stops on the proxy's next request. A minor cannot end a guardian's access.
/// </summary>
public sealed record RevokeProxy(Guid AccessId) : ICommand
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, INotifier notifier, IAuditLog audit) : ICommandHandler<RevokeProxy>
    {
        public async ValueTask<Unit> Handle(RevokeProxy command, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var access = await db.PatientAccesses.SingleOrDefaultAsync(
                a => a.Id == command.AccessId && own.Contains(a.PatientId) && a.RevokedAt == null && a.Relationship != PatientRelationship.Self,
                cancellationToken) ?? throw new NotFoundException("Proxy", command.AccessId);
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == access.PatientId, cancellationToken);
            if (access.Relationship == PatientRelationship.Guardian && patient.AgeOn(family.Today) < family.Bands.AdultAt)
            {
                throw new DomainRuleException("guardian_not_revocable", "A guardian's access lasts until you are 18.");
            }

            access.Revoke(family.AccountId, "revoked", family.Now);
            audit.Record("family.proxy_revoked", nameof(PatientAccess), access.Id.ToString(), access.PatientId);
            await notifier.NotifyAsync(
                new Notice(access.AccountId, ProxyNotifications.AccessEnded, new Dictionary<string, string> { ["name"] = patient.FullName }, ProxyNotifications.MembersLink),
                cancellationToken);
            return Unit.Value;
        }
    }
}
