using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>What a doctor does instead of signing: reject with a reason, or ask to see the patient on video first.</summary>
public enum DoctorDeclineKind
{
    Reject = 1,
    VideoVisit = 2,
}

/// <summary>
/// The doctor rejects the renewal with a reason, or asks for a video visit (state <c>VisitRequired</c>; the patient
/// is offered booking with this doctor). Either ends the request.
/// </summary>
public sealed record DeclineRenewal(Guid RenewalId, DoctorDeclineKind Kind, string Reason) : ICommand<DoctorDecision>
{
    public sealed class Validator : AbstractValidator<DeclineRenewal>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).IsInEnum();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
        }
    }

    public sealed class Handler(
        IPendingRenewalCounts pendingRenewals,IRenewalAccess access, IAuditLog audit, IRenewalNotifier notifier, TimeProvider clock)
        : ICommandHandler<DeclineRenewal, DoctorDecision>
    {
        public async ValueTask<DoctorDecision> Handle(DeclineRenewal command, CancellationToken cancellationToken)
        {
            var (request, doctor) = await access.ForDoctorAsync(command.RenewalId, cancellationToken);
            var signer = new Signer(doctor.Id, doctor.AccountId, doctor.FullName);
            if (command.Kind == DoctorDeclineKind.Reject)
            {
                request.RejectByDoctor(signer, command.Reason, clock.GetUtcNow());
                audit.Record("renewal.doctor_rejected", nameof(RenewalRequest), request.Id.ToString(), request.PatientId);
                await notifier.PatientAsync(request, RenewalNotices.DoctorRejected, cancellationToken);
            }
            else
            {
                request.RequireVisit(signer, command.Reason, clock.GetUtcNow());
                audit.Record("renewal.visit_required", nameof(RenewalRequest), request.Id.ToString(), request.PatientId);
                await notifier.PatientAsync(request, RenewalNotices.VisitRequired, cancellationToken, new Dictionary<string, string> { ["doctorId"] = doctor.Id.ToString() });
            }

            // Note: the request leaves every routed doctor's queue, not only this doctor's.
            await notifier.PushToDoctorsAsync(request, cancellationToken);
            await pendingRenewals.PublishAsync(request.PatientId, cancellationToken);
            return DoctorDecision.From(request);
        }
    }
}
