using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Family;

/// <summary>The person asked declines: nothing is granted, and the asking account is told.</summary>
public sealed record DeclineFamilyInvitation(string Token) : ICommand
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, INotifier notifier, IAuditLog audit) : ICommandHandler<DeclineFamilyInvitation>
    {
        public async ValueTask<Unit> Handle(DeclineFamilyInvitation command, CancellationToken cancellationToken)
        {
            var invitation = await FamilyInvitationLoading.ForInviteeAsync(db, family, command.Token, cancellationToken);
            invitation.Decline(family.AccountId, family.Now);
            audit.Record("family.consent_declined", "FamilyInvitation", invitation.Id.ToString(), invitation.PatientId);
            var name = await db.Patients.Where(p => p.Id == invitation.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            await notifier.NotifyAsync(
                new Notice(invitation.FromAccountId, ProxyNotifications.InvitationDeclined, new Dictionary<string, string> { ["name"] = name }, ProxyNotifications.MembersLink),
                cancellationToken);
            return Unit.Value;
        }
    }
}
