using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The crew starts a case in one tap (the write with sequence 1). The id comes from the phone, which may be offline:
/// later writes of the same case are queued under it before the server has heard of the case.
/// </summary>
public sealed record StartEmergencyCase(Guid Id, DateTimeOffset? CalledAt, DateTimeOffset? FirstContactAt, SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<StartEmergencyCase>
    {
        public Validator()
        {
            RuleFor(x => x.Id).NotEmpty();
            RuleFor(x => x.Stamp).NotNull();
        }
    }

    public sealed class Handler(IAppDbContext db, EmergencyAccess access, CrewWriter writer, EmergencyBroadcast broadcast, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<StartEmergencyCase, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(StartEmergencyCase command, CancellationToken cancellationToken)
        {
            var serviceId = await access.CrewServiceAsync(cancellationToken);
            var existing = await access.Full().SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
            if (existing is not null)
            {
                if (existing.ServiceId != serviceId)
                {
                    throw new DomainConflictException("emergency_case_id_taken", "A case with this id already exists.");
                }

                return existing.Admit(command.Stamp) is { } earlier
                    ? CrewReceipt.From(earlier, replayed: true)
                    : throw new DomainConflictException("emergency_case_id_taken", "A case with this id already exists.");
            }

            await writer.EnsureKeyUnusedAsync(command.Stamp, cancellationToken);
            var now = clock.GetUtcNow();
            if (command.FirstContactAt > now + EmergencyCase.ClockTolerance || command.CalledAt > now + EmergencyCase.ClockTolerance)
            {
                throw new DomainRuleException("emergency_time_in_future", "The time is in the future.");
            }

            var crew = await access.ActorAsync(cancellationToken);
            var @case = EmergencyCase.Start(command.Id, serviceId, crew, command.Stamp, command.CalledAt, command.FirstContactAt, now);
            db.EmergencyCases.Add(@case);
            audit.Record("emergency.case", nameof(EmergencyCase), @case.Id.ToString(), null, "crew; started");
            await broadcast.ChangedAsync(@case, "timeline", cancellationToken);
            return CrewReceipt.From(@case.SyncItems[0], replayed: false);
        }
    }
}
