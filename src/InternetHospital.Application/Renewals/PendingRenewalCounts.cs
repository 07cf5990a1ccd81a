using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// Keeps the family-doctor panel's "pending renewal requests" figure true: after any change to what waits for a
/// doctor (a request made, decided, cancelled, or sent back by a pharmacist), and when a patient joins a panel, the
/// patient's count is recounted from the requests themselves and published as <see cref="PendingRenewalsChanged"/>.
/// </summary>
public interface IPendingRenewalCounts
{
    /// <summary>
    /// Recounts (the caller's unsaved changes included) and publishes; what the handlers change joins the caller's
    /// unit of work, so the request and the count commit together.
    /// </summary>
    Task PublishAsync(Guid patientId, CancellationToken cancellationToken);
}

internal sealed class PendingRenewalCounts(IAppDbContext db, IPublisher publisher) : IPendingRenewalCounts
{
    public async Task PublishAsync(Guid patientId, CancellationToken cancellationToken)
    {
        // Note: the caller has not saved yet (one commit per use case), so the requests it tracks count as they are
        // in memory and the rest as they are stored.
        var tracked = db.RenewalRequests.Local.Where(r => r.PatientId == patientId).ToList();
        var trackedIds = tracked.Select(r => r.Id).ToList();
        var stored = await db.RenewalRequests.CountAsync(
            r => r.PatientId == patientId && !trackedIds.Contains(r.Id) && (r.Status == RenewalStatus.Submitted || r.Status == RenewalStatus.PharmacistRejected),
            cancellationToken);
        var pending = stored + tracked.Count(r => r.Status is RenewalStatus.Submitted or RenewalStatus.PharmacistRejected);
        await publisher.Publish(new PendingRenewalsChanged(patientId, pending), cancellationToken);
    }
}
