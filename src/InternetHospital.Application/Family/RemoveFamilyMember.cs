using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>The account stops acting for a person (or withdraws its unanswered request). The person's record stays.</summary>
public sealed record RemoveFamilyMember(Guid PatientId) : ICommand
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAuditLog audit) : ICommandHandler<RemoveFamilyMember>
    {
        public async ValueTask<Unit> Handle(RemoveFamilyMember command, CancellationToken cancellationToken)
        {
            var accountId = family.AccountId;
            var now = family.Now;
            var accesses = await db.PatientAccesses
                .Where(a => a.AccountId == accountId && a.PatientId == command.PatientId && a.RevokedAt == null && a.Relationship != PatientRelationship.Self)
                .ToListAsync(cancellationToken);
            var invitations = await db.FamilyInvitations
                .Where(i => i.FromAccountId == accountId && i.PatientId == command.PatientId && i.Status == InvitationStatus.Pending)
                .ToListAsync(cancellationToken);
            if (accesses.Count == 0 && invitations.Count == 0)
            {
                throw new NotFoundException("Family member", command.PatientId);
            }

            foreach (var access in accesses)
            {
                access.Revoke(accountId, "removed", now);
                audit.Record("family.member_removed", nameof(PatientAccess), access.Id.ToString(), access.PatientId);
            }

            foreach (var invitation in invitations)
            {
                invitation.Cancel(accountId, now);
                audit.Record("family.invitation_cancelled", nameof(FamilyInvitation), invitation.Id.ToString(), invitation.PatientId);
            }

            return Unit.Value;
        }
    }
}
