using InternetHospital.Application.Payments;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>The patient withdraws a request no doctor has decided on yet.</summary>
public sealed record CancelRenewal(Guid PatientId, Guid RenewalId) : ICommand<PatientRenewalView>
{
    public sealed class Handler(
        IPendingRenewalCounts pendingRenewals,
        IRenewalAccess access,
        ICurrentUser currentUser,
        IAuditLog audit,
        IRenewalNotifier notifier,
        IOptions<PaymentOptions> payments,
        TimeProvider clock)
        : ICommandHandler<CancelRenewal, PatientRenewalView>
    {
        public async ValueTask<PatientRenewalView> Handle(CancelRenewal command, CancellationToken cancellationToken)
        {
            var request = await access.ForPatientAsync(command.PatientId, command.RenewalId, cancellationToken);
            request.Cancel(currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("renewal.cancelled", nameof(RenewalRequest), request.Id.ToString(), request.PatientId);
            await notifier.PatientAsync(request, RenewalNotices.Cancelled, cancellationToken);
            await notifier.PushToDoctorsAsync(request, cancellationToken);
            await pendingRenewals.PublishAsync(request.PatientId, cancellationToken);
            return PatientRenewalView.From(request, payments.Value.Currency);
        }
    }
}
