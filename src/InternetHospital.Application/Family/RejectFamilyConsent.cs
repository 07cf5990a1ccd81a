using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Family;

/// <summary>
/// (Staff) the paper consent does not hold (unsigned, another person's signature, not the form asked): the request is
/// declined, nothing is granted, the reason is audit-logged and the asking account is told it was declined.
/// </summary>
public sealed record RejectFamilyConsent(Guid InvitationId, string Reason) : ICommand
{
    public sealed class Validator : AbstractValidator<RejectFamilyConsent>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(180);
        }
    }

    public sealed class Handler(IAppDbContext db, FamilyContext family, INotifier notifier, IAuditLog audit) : ICommandHandler<RejectFamilyConsent>
    {
        public async ValueTask<Unit> Handle(RejectFamilyConsent command, CancellationToken cancellationToken)
        {
            var invitation = await db.FamilyInvitations.SingleOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken)
                ?? throw new NotFoundException("Invitation", command.InvitationId);
            invitation.Decline(family.AccountId, family.Now);
            audit.Record("family.paper_consent_rejected", "FamilyInvitation", invitation.Id.ToString(), invitation.PatientId, "reason=" + command.Reason.Trim());
            var name = await db.Patients.Where(p => p.Id == invitation.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            await notifier.NotifyAsync(
                new Notice(invitation.FromAccountId, ProxyNotifications.InvitationDeclined, new Dictionary<string, string> { ["name"] = name }, ProxyNotifications.MembersLink),
                cancellationToken);
            return Unit.Value;
        }
    }
}
