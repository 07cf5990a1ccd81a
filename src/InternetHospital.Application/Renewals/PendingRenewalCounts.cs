using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Domain.Renewals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// Keeps the family-doctor panel's "pending renewal requests" figure true: after any change to what waits for a
/// doctor (a request made, decided, cancelled, or sent back by a pharmacist), and when a patient joins a panel, the
/// patient's count is recounted from the requests themselves and published as <see cref="PendingRenewalsChanged"/>.
/// </summary>
public interface IPendingRenewalCounts
{
    /// <summary>Recounts after the caller's own save, publishes, and saves what the handlers changed.</summary>
    Task PublishAsync(Guid patientId, CancellationToken cancellationToken);
}

internal sealed class PendingRenewalCounts(IAppDbContext db, IPublisher publisher) : IPendingRenewalCounts
{
    public async Task PublishAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var pending = await db.RenewalRequests.CountAsync(
            r => r.PatientId == patientId && (r.Status == RenewalStatus.Submitted || r.Status == RenewalStatus.PharmacistRejected),
            cancellationToken);
        await publisher.Publish(new PendingRenewalsChanged(patientId, pending), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
