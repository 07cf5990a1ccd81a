using InternetHospital.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// The seam to the prescription-renewals feature: it publishes this whenever the number of a patient's renewal
/// requests waiting for a doctor changes (a request made, decided or withdrawn), inside its unit of work (before the commit). The
/// panel keeps the count on the patient's care profile, so "pending renewal requests" is a plain indexed filter in
/// the panel query instead of a call into another feature for each of 2,000 patients.
/// </summary>
/// <param name="PendingCount">How many of the patient's renewal requests wait for a decision now.</param>
public sealed record PendingRenewalsChanged(Guid PatientId, int PendingCount) : INotification
{
    public sealed class Handler(IAppDbContext db, TimeProvider clock) : INotificationHandler<PendingRenewalsChanged>
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
}
