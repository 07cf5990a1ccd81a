namespace InternetHospital.Application.His;

/// <summary>An admin sends a dead-lettered message again, after fixing what made the HIS refuse it. Audit-logged.</summary>
public sealed record RetryHisOutboxMessage(Guid Id) : ICommand
{
    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<RetryHisOutboxMessage>
    {
        public async ValueTask<Unit> Handle(RetryHisOutboxMessage command, CancellationToken cancellationToken)
        {
            var message = await db.HisOutbox.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("HIS message", command.Id);
            if (message.FacilityId is { } facilityId)
            {
                // Note: a message for an institution's own HIS is that institution's business; the consortium's HIS is everyone's.
                await scope.EnsureAsync(facilityId, "HisOutboxMessage", message.Id, cancellationToken);
            }

            message.Requeue(clock.GetUtcNow());
            audit.Record("his.outbox.message.retried", "HisOutboxMessage", message.Id.ToString(), message.PatientId, $"kind={message.Kind}; attempts so far={message.TotalAttempts}");
            return Unit.Value;
        }
    }
}
