using InternetHospital.Application.Payments;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>One of the patient's requests: its steps, the approved prescription, the pickup code or the delivery.</summary>
public sealed record GetMyRenewal(Guid PatientId, Guid RenewalId) : IQuery<PatientRenewalView>
{
    public sealed class Handler(IRenewalAccess access, IAuditLog audit, IOptions<PaymentOptions> payments) : IQueryHandler<GetMyRenewal, PatientRenewalView>
    {
        public async ValueTask<PatientRenewalView> Handle(GetMyRenewal query, CancellationToken cancellationToken)
        {
            var request = await access.ForPatientAsync(query.PatientId, query.RenewalId, cancellationToken);
            audit.Record("renewal.read", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, request.Status.ToString());
            return PatientRenewalView.From(request, payments.Value.Currency);
        }
    }
}
