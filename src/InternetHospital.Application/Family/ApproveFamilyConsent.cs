using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// For a person without a phone or e-mail: hospital staff scanned the consent form the person signed, checked it, and
/// approve the invitation with it. The grant names the staff member and the scanned file (domain rule 11).
/// </summary>
public sealed record ApproveFamilyConsent(Guid InvitationId, Guid ScannedFileId) : ICommand<Guid>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, INotifier notifier, IAuditLog audit) : ICommandHandler<ApproveFamilyConsent, Guid>
    {
        public async ValueTask<Guid> Handle(ApproveFamilyConsent command, CancellationToken cancellationToken)
        {
            var invitation = await db.FamilyInvitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken)
                ?? throw new NotFoundException("Invitation", command.InvitationId);
            if (!await db.Files.AnyAsync(f => f.Id == command.ScannedFileId && f.PatientId == invitation.PatientId, cancellationToken))
            {
                throw new NotFoundException("File", command.ScannedFileId);
            }

            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId, cancellationToken);
            var access = patient.AgeOn(family.Today) < family.Bands.AdultAt
                ? invitation.AcceptAsGuardian(family.AccountId, patient.DateOfBirth.AddYears(family.Bands.AdultAt), family.Now)
                : invitation.Accept(family.AccountId, invitation.Scopes, invitation.EndsOn, command.ScannedFileId, family.Now);
            db.PatientAccesses.Add(access);
            audit.Record("family.paper_consent_approved", nameof(PatientAccess), access.Id.ToString(), patient.Id, $"invitation={invitation.Id};file={command.ScannedFileId}");
            await notifier.NotifyAsync(
                new Notice(invitation.FromAccountId, ProxyNotifications.InvitationAccepted, new Dictionary<string, string> { ["name"] = patient.FullName }, ProxyNotifications.MembersLink),
                cancellationToken);
            return access.Id;
        }
    }
}
