namespace InternetHospital.Application.His;

/// <summary>
/// An admin gives up on a message (the HIS will never accept it, or it was handled by hand). It is kept, marked
/// discarded with the reason, and no longer holds back the patient's later messages. Audit-logged.
/// </summary>
public sealed record DiscardHisOutboxMessage(Guid Id, string Reason) : ICommand
{
    public sealed class Validator : AbstractValidator<DiscardHisOutboxMessage>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<DiscardHisOutboxMessage>
    {
        public async ValueTask<Unit> Handle(DiscardHisOutboxMessage command, CancellationToken cancellationToken)
        {
            var message = await db.HisOutbox.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("HIS message", command.Id);
            if (message.FacilityId is { } facilityId)
            {
                // Note: a message for an institution's own HIS is that institution's business; the consortium's HIS is everyone's.
                await scope.EnsureAsync(facilityId, "HisOutboxMessage", message.Id, cancellationToken);
            }

            var before = message.Status;
            message.Discard(command.Reason, clock.GetUtcNow());
            audit.Record("his.outbox.message.discarded", "HisOutboxMessage", message.Id.ToString(), message.PatientId, $"kind={message.Kind}; was={before}");
            return Unit.Value;
        }
    }
}
