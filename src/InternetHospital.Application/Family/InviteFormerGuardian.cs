using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// A young adult whose guardian's access ended at 18 lets that person act for them again, now as a proxy with the
/// scopes and end date the young adult chooses: their own decision is the consent (domain rule 24).
/// </summary>
public sealed record InviteFormerGuardian(Guid AccessId, IReadOnlyList<string> Scopes, DateOnly? AccessEndsOn = null) : ICommand<ProxyView>
{
    public sealed class Validator : AbstractValidator<InviteFormerGuardian>
    {
        public Validator()
        {
            RuleFor(x => x.Scopes).Must(s => PatientScopes.Parse(s) is { } scopes && scopes != PatientScope.None).WithLocalizedMessage("invalid_scopes");
        }
    }

    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts, INotifier notifier, IAuditLog audit) : ICommandHandler<InviteFormerGuardian, ProxyView>
    {
        public async ValueTask<ProxyView> Handle(InviteFormerGuardian command, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var former = await db.PatientAccesses.AsNoTracking().SingleOrDefaultAsync(
                a => a.Id == command.AccessId && own.Contains(a.PatientId) && a.Relationship == PatientRelationship.Guardian && a.RevokedAt != null,
                cancellationToken) ?? throw new NotFoundException("Proxy", command.AccessId);
            var today = family.Today;
            var now = family.Now;
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == former.PatientId, cancellationToken);
            var age = patient.AgeOn(today);
            if (age < family.Bands.AdultAt)
            {
                throw new DomainRuleException("share_not_applicable", "Only an adult invites a former guardian back.");
            }

            if (command.AccessEndsOn is { } endsOn && endsOn <= today)
            {
                throw new DomainRuleException("access_end_in_past", "The end date of the access must be in the future.");
            }

            if (await db.PatientAccesses.AnyAsync(a => a.AccountId == former.AccountId && a.PatientId == former.PatientId && a.RevokedAt == null, cancellationToken))
            {
                throw new DomainConflictException("member_already_added", "This account already acts for you.");
            }

            var access = PatientAccess.Grant(
                former.AccountId, former.PatientId, PatientRelationship.FamilyProxy, former.Relation, PatientScopes.Parse(command.Scopes)!.Value, command.AccessEndsOn, family.AccountId, now);
            db.PatientAccesses.Add(access);
            audit.Record("family.consent_given", nameof(PatientAccess), access.Id.ToString(), access.PatientId, $"former_guardian={former.Id};scopes={(int)access.Scopes}");
            await notifier.NotifyAsync(
                new Notice(access.AccountId, ProxyNotifications.InvitationAccepted, new Dictionary<string, string> { ["name"] = patient.FullName }, ProxyNotifications.MembersLink),
                cancellationToken);
            var name = (await accounts.FindAsync(access.AccountId, cancellationToken))?.FullName ?? string.Empty;
            return ProxyView.From(access, name, age, today, family.Bands);
        }
    }
}
