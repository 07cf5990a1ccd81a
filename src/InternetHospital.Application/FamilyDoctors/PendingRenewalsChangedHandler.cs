using InternetHospital.Application.Renewals;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The panel's side of <see cref="PendingRenewalsChanged"/>: the count goes onto the patient's care profile.</summary>
public sealed class PendingRenewalsChangedHandler(IAppDbContext db, TimeProvider clock) : INotificationHandler<PendingRenewalsChanged>
{
    public async ValueTask Handle(PendingRenewalsChanged notification, CancellationToken cancellationToken)
    {
        // Note: only signed patients have a profile; the count of anyone else does not matter to a panel. The
        // profile may be new in this very unit of work (a contract accepted), so it is looked for in memory first.
        var profile = db.CareProfiles.Local.SingleOrDefault(p => p.PatientId == notification.PatientId)
            ?? await db.CareProfiles.SingleOrDefaultAsync(p => p.PatientId == notification.PatientId, cancellationToken);
        profile?.SetPendingRenewalRequests(notification.PendingCount, clock.GetUtcNow());
    }
}
