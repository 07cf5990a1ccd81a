using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// A moment of the timeline recorded by hand: the crew records scene departure, arrival and handover; the department
/// arrival, handover and the start of the CT (door-to-CT, also after the handover).
/// </summary>
public sealed record RecordEmergencyTime(Guid CaseId, TimelineKind? Kind, DateTimeOffset? At, MessageSide Side, SyncStamp? Stamp) : ICommand<CrewReceipt>
{
    private static readonly TimelineKind[] Crew = [TimelineKind.SceneDeparture, TimelineKind.Arrival, TimelineKind.Handover];
    private static readonly TimelineKind[] Department = [TimelineKind.Arrival, TimelineKind.Handover, TimelineKind.CtStarted];

    public sealed class Validator : AbstractValidator<RecordEmergencyTime>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotNull().IsInEnum();
            RuleFor(x => x.At).NotNull();
        }
    }

    public sealed class Handler(CrewWriter crew, DepartmentWriter department, EmergencyCallRoom callRoom, TimeProvider clock) : ICommandHandler<RecordEmergencyTime, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(RecordEmergencyTime command, CancellationToken cancellationToken)
        {
            var kind = command.Kind!.Value;
            if (!(command.Side == MessageSide.Crew ? Crew : Department).Contains(kind))
            {
                throw new DomainRuleException("emergency_timeline_kind_not_allowed", "This moment is recorded by the other side or by the system.");
            }

            if (command.Side == MessageSide.Crew)
            {
                return await crew.WriteAsync(command.CaseId, DepartmentWriter.RequireStamp(command.Side, command.Stamp), "timeline",
                    async (c, actor, now) => await RecordAsync(c, kind, command.At!.Value, actor, now, cancellationToken), cancellationToken);
            }

            Guid? id = null;
            var @case = await department.WriteAsync(command.CaseId, "timeline", async (c, actor, now) =>
                id = await RecordAsync(c, kind, command.At!.Value, actor, now, cancellationToken), cancellationToken);
            return new CrewReceipt(@case.Id, @case.LastSequence, "timeline", id, clock.GetUtcNow(), Replayed: false);
        }

        /// <summary>Records the moment; the handover also ends a video call still on and closes the case's video room.</summary>
        private async Task<Guid?> RecordAsync(EmergencyCase c, TimelineKind kind, DateTimeOffset at, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var callWasOn = c.IsVideoCallOn;
            var entry = c.Record(kind, at, actor, now);
            if (c.Status == EmergencyCaseStatus.HandedOver && kind == TimelineKind.Handover)
            {
                await callRoom.CloseAsync(c, actor, now, cancellationToken);
                if (callWasOn)
                {
                    callRoom.Announce(c, EmergencyCallRoom.Closed, actor, now);
                }
            }

            return entry.Id;
        }
    }
}
