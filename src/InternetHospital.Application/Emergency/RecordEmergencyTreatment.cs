using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>A treatment the crew gave (oxygen, aspirin 300 mg, a line, splinting), with its time.</summary>
public sealed record RecordEmergencyTreatment(Guid CaseId, DateTimeOffset? GivenAt, string? Description, SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<RecordEmergencyTreatment>
    {
        public Validator()
        {
            RuleFor(x => x.GivenAt).NotNull();
            RuleFor(x => x.Description).NotEmpty().MaximumLength(EmergencyCase.MaxTextLength);
        }
    }

    public sealed class Handler(CrewWriter writer) : ICommandHandler<RecordEmergencyTreatment, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(RecordEmergencyTreatment command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "treatment", (c, crew, now) =>
            {
                if (command.GivenAt > now + EmergencyCase.ClockTolerance)
                {
                    throw new DomainRuleException("emergency_time_in_future", "The time is in the future.");
                }

                return Task.FromResult<Guid?>(c.RecordTreatment(command.GivenAt!.Value, command.Description!, crew, now).Id);
            }, cancellationToken);
    }
}
