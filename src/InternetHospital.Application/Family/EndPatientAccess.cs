using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>An administrator ends a guardian's or proxy's access (for example on a court order); the reason is recorded and audit-logged.</summary>
public sealed record EndPatientAccess(Guid AccessId, string Reason) : ICommand
{
    public sealed class Validator : AbstractValidator<EndPatientAccess>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(180);
        }
    }

    public sealed class Handler(IAppDbContext db, FamilyContext family, INotifier notifier, IAuditLog audit) : ICommandHandler<EndPatientAccess>
    {
        public async ValueTask<Unit> Handle(EndPatientAccess command, CancellationToken cancellationToken)
        {
            var access = await db.PatientAccesses.SingleOrDefaultAsync(a => a.Id == command.AccessId && a.Relationship != PatientRelationship.Self, cancellationToken)
                ?? throw new NotFoundException("Access", command.AccessId);
            access.Revoke(family.AccountId, "admin: " + command.Reason.Trim(), family.Now);
            audit.Record("patient_access.ended_by_admin", nameof(PatientAccess), access.Id.ToString(), access.PatientId);
            var name = await db.Patients.Where(p => p.Id == access.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            await notifier.NotifyAsync(
                new Notice(access.AccountId, ProxyNotifications.AccessEnded, new Dictionary<string, string> { ["name"] = name }, ProxyNotifications.MembersLink),
                cancellationToken);
            return Unit.Value;
        }
    }
}
