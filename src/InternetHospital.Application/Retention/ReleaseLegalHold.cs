using InternetHospital.Domain.Retention;

namespace InternetHospital.Application.Retention;

/// <summary>An admin releases a legal hold, with a reason; from then on the retention periods apply again.</summary>
public sealed record ReleaseLegalHold(Guid HoldId, string Reason) : ICommand<LegalHoldView>
{
    public sealed class Validator : AbstractValidator<ReleaseLegalHold>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(LegalHold.MaxReasonLength);
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock) : ICommandHandler<ReleaseLegalHold, LegalHoldView>
    {
        public async ValueTask<LegalHoldView> Handle(ReleaseLegalHold command, CancellationToken cancellationToken)
        {
            var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == command.HoldId, cancellationToken)
                ?? throw new NotFoundException(nameof(LegalHold), command.HoldId);
            hold.Release(command.Reason.Trim(), currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("legal-hold.released", nameof(LegalHold), hold.Id.ToString(), hold.PatientId, hold.ReleaseReason);
            return LegalHoldView.Of(hold);
        }
    }
}
