using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// The person asked consents (domain rule 24): the asking account may act for them within the scopes and until the
/// date they choose here (they may narrow what was asked). The consent is on record: who, when, which invitation.
/// </summary>
public sealed record AcceptFamilyInvitation(string Token, IReadOnlyList<string>? Scopes = null, DateOnly? AccessEndsOn = null) : ICommand<ProxyView>
{
    public sealed class Validator : AbstractValidator<AcceptFamilyInvitation>
    {
        public Validator()
        {
            RuleFor(x => x.Token).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Scopes).Must(s => PatientScopes.Parse(s) is not null).WithLocalizedMessage("invalid_scopes");
        }
    }

    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts, INotifier notifier, IAuditLog audit) : ICommandHandler<AcceptFamilyInvitation, ProxyView>
    {
        public async ValueTask<ProxyView> Handle(AcceptFamilyInvitation command, CancellationToken cancellationToken)
        {
            var invitation = await FamilyInvitationLoading.ForInviteeAsync(db, family, command.Token, cancellationToken);
            var accountId = family.AccountId;
            var now = family.Now;
            var today = family.Today;
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId, cancellationToken);
            var age = patient.AgeOn(today);

            // Note: the inviter may meanwhile act for the person some other way (a second invitation accepted).
            var inviterId = invitation.FromAccountId;
            if (await db.PatientAccesses.AnyAsync(a => a.AccountId == inviterId && a.PatientId == patient.Id && a.RevokedAt == null, cancellationToken))
            {
                throw new DomainConflictException("member_already_added", "This account already acts for you.");
            }

            PatientAccess access;
            if (age < family.Bands.AdultAt)
            {
                access = invitation.AcceptAsGuardian(accountId, patient.DateOfBirth.AddYears(family.Bands.AdultAt), now);
            }
            else
            {
                var scopes = command.Scopes is null ? invitation.Scopes : PatientScopes.Parse(command.Scopes)!.Value;
                if (scopes == PatientScope.None)
                {
                    throw new DomainRuleException("scopes_required", "Choose at least one thing the family member may do for you.");
                }

                if (command.AccessEndsOn is { } endsOn && endsOn <= today)
                {
                    throw new DomainRuleException("access_end_in_past", "The end date of the access must be in the future.");
                }

                access = invitation.Accept(accountId, scopes, command.AccessEndsOn, null, now);
            }

            db.PatientAccesses.Add(access);
            audit.Record("family.consent_given", nameof(PatientAccess), access.Id.ToString(), patient.Id, $"invitation={invitation.Id};scopes={(int)access.Scopes}");
            await notifier.NotifyAsync(
                new Notice(inviterId, ProxyNotifications.InvitationAccepted, new Dictionary<string, string> { ["name"] = patient.FullName }, ProxyNotifications.MembersLink),
                cancellationToken);
            var inviter = await accounts.FindAsync(inviterId, cancellationToken);
            return ProxyView.From(access, inviter?.FullName ?? string.Empty, age, today, family.Bands);
        }
    }
}
