using InternetHospital.Domain.Retention;

namespace InternetHospital.Application.Retention;

/// <summary>An admin puts a patient's records on legal hold: the retention job deletes nothing of theirs until it is released.</summary>
public sealed record PlaceLegalHold(Guid PatientId, string Reason) : ICommand<LegalHoldView>
{
    public sealed class Validator : AbstractValidator<PlaceLegalHold>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(LegalHold.MaxReasonLength);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<PlaceLegalHold, LegalHoldView>
    {
        public async ValueTask<LegalHoldView> Handle(PlaceLegalHold command, CancellationToken cancellationToken)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken))
            {
                throw new NotFoundException("Patient", command.PatientId);
            }

            if (await db.LegalHolds.AnyAsync(h => h.PatientId == command.PatientId && h.ReleasedAt == null, cancellationToken))
            {
                throw new DomainConflictException("legal_hold_exists", "This patient's records are already on legal hold.");
            }

            var hold = LegalHold.Place(command.PatientId, command.Reason.Trim(), currentUser.RequireAccountId(), clock.GetUtcNow());
            db.LegalHolds.Add(hold);
            audit.Record("legal-hold.placed", nameof(LegalHold), hold.Id.ToString(), hold.PatientId, hold.Reason);
            return LegalHoldView.Of(hold);
        }
    }
}
