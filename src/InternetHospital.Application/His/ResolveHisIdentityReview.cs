using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

/// <summary>An admin decides a review: link one of the candidates (the patient's record is linked), or reject them all. Audit-logged.</summary>
public sealed record ResolveHisIdentityReview(Guid Id, string? HisPatientId, string? Note) : ICommand
{
    public sealed class Validator : AbstractValidator<ResolveHisIdentityReview>
    {
        public Validator()
        {
            RuleFor(x => x.HisPatientId).MaximumLength(64);
            RuleFor(x => x.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(IAppDbContext db, IAuditLog audit, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ResolveHisIdentityReview>
    {
        public async ValueTask<Unit> Handle(ResolveHisIdentityReview command, CancellationToken cancellationToken)
        {
            var admin = currentUser.RequireAccountId();
            var review = await db.HisIdentityReviews.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("Identity review", command.Id);
            var now = clock.GetUtcNow();
            if (command.HisPatientId is { Length: > 0 } hisPatientId)
            {
                if (await db.Patients.AnyAsync(p => p.HisPatientId == hisPatientId && p.Id != review.PatientId, cancellationToken))
                {
                    throw new Domain.Common.DomainConflictException("his_patient_already_linked", "This HIS patient is already linked to another portal patient.");
                }

                review.Link(hisPatientId, admin, command.Note, now);
                var patient = await db.Patients.SingleAsync(p => p.Id == review.PatientId, cancellationToken);
                patient.LinkToHis(hisPatientId);
                audit.Record("his.identity.linked", "Patient", patient.Id.ToString(), patient.Id, $"by admin review {review.Id}");
            }
            else
            {
                review.Reject(admin, command.Note, now);
                audit.Record("his.identity.review_rejected", nameof(HisIdentityReview), review.Id.ToString(), review.PatientId);
            }

            return Unit.Value;
        }
    }
}
