using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>A message in the case channel, from the crew (queued offline like every crew write) or the department.</summary>
public sealed record PostEmergencyMessage(Guid CaseId, string? Text, MessageSide Side, SyncStamp? Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<PostEmergencyMessage>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(EmergencyCase.MaxMessageLength);
    }

    public sealed class Handler(CrewWriter crew, DepartmentWriter department, TimeProvider clock) : ICommandHandler<PostEmergencyMessage, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(PostEmergencyMessage command, CancellationToken cancellationToken)
        {
            if (command.Side == MessageSide.Crew)
            {
                return await crew.WriteAsync(command.CaseId, DepartmentWriter.RequireStamp(command.Side, command.Stamp), "message",
                    (c, actor, now) => Task.FromResult<Guid?>(c.Post(MessageSide.Crew, command.Text!, actor, now).Id), cancellationToken);
            }

            Guid? id = null;
            var @case = await department.WriteAsync(command.CaseId, "message", (c, actor, now) =>
            {
                id = c.Post(MessageSide.Department, command.Text!, actor, now).Id;
                return Task.CompletedTask;
            }, cancellationToken);
            return new CrewReceipt(@case.Id, @case.LastSequence, "message", id, clock.GetUtcNow(), Replayed: false);
        }
    }
}
