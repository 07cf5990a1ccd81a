using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>The crew's assessment: chief complaint, onset (last known well for stroke), triage level and pathway with its score.</summary>
public sealed record AssessEmergencyCase(
    Guid CaseId,
    string? ChiefComplaint,
    DateTimeOffset? OnsetAt,
    DateTimeOffset? LastKnownWellAt,
    int? TriageLevel,
    EmergencyPathway? Pathway,
    StrokeScale? StrokeScale,
    int? StrokeScore,
    bool? Stemi,
    string? TraumaMechanism,
    SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<AssessEmergencyCase>
    {
        public Validator()
        {
            RuleFor(x => x.ChiefComplaint).MaximumLength(EmergencyCase.MaxTextLength);
            RuleFor(x => x.TraumaMechanism).MaximumLength(EmergencyCase.MaxMechanismLength);
            RuleFor(x => x.TriageLevel).InclusiveBetween(TriageLevels.Most, TriageLevels.Least);
            RuleFor(x => x.Pathway).NotNull().IsInEnum();
            RuleFor(x => x.StrokeScale).IsInEnum();
            RuleFor(x => x.StrokeScore).InclusiveBetween(0, 4).When(x => x.StrokeScale == Domain.Emergency.StrokeScale.Fast);
            RuleFor(x => x.StrokeScore).InclusiveBetween(0, 6).When(x => x.StrokeScale == Domain.Emergency.StrokeScale.BeFast);
            RuleFor(x => x.StrokeScale).NotNull().When(x => x.StrokeScore is not null);
        }
    }

    public sealed class Handler(CrewWriter writer) : ICommandHandler<AssessEmergencyCase, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(AssessEmergencyCase command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "assessment", (c, _, now) =>
            {
                if (command.OnsetAt > now + EmergencyCase.ClockTolerance || command.LastKnownWellAt > now + EmergencyCase.ClockTolerance)
                {
                    throw new DomainRuleException("emergency_time_in_future", "The time is in the future.");
                }

                c.Assess(command.ChiefComplaint, command.OnsetAt, command.LastKnownWellAt, command.TriageLevel, command.Pathway!.Value,
                    command.StrokeScale, command.StrokeScore, command.Stemi, command.TraumaMechanism, now);
                return Task.FromResult<Guid?>(null);
            }, cancellationToken);
    }
}
