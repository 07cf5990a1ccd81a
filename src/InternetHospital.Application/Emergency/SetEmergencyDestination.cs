using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>The crew names the receiving hospital: its board sees the case from now on (the pre-notification).</summary>
public sealed record SetEmergencyDestination(Guid CaseId, Guid DestinationId, SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<SetEmergencyDestination>
    {
        public Validator() => RuleFor(x => x.DestinationId).NotEmpty();
    }

    public sealed class Handler(IAppDbContext db, CrewWriter writer, IOptions<EmergencyOptions> options) : ICommandHandler<SetEmergencyDestination, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(SetEmergencyDestination command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "destination", async (c, crew, now) =>
            {
                var hospital = await db.ReceivingHospitals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.DestinationId, cancellationToken)
                    ?? throw new DomainRuleException("emergency_destination_unknown", "This is not a receiving hospital.");
                c.SetDestination(hospital, crew, options.Value.EtaRoadFactor, options.Value.EtaSpeedKmh, now);
                return hospital.Id;
            }, cancellationToken);
    }
}
