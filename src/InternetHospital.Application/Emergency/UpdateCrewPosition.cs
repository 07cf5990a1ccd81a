namespace InternetHospital.Application.Emergency;

/// <summary>
/// The crew's phone sends its position every 15 seconds while the case is open; the ETA follows. Not part of the
/// ordered offline queue: only the newest position matters, so an older one (sent late) is ignored, and a resend
/// changes nothing.
/// </summary>
public sealed record UpdateCrewPosition(Guid CaseId, double Latitude, double Longitude, DateTimeOffset? RecordedAt) : ICommand<EtaView?>
{
    public sealed class Validator : AbstractValidator<UpdateCrewPosition>
    {
        public Validator()
        {
            RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
            RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
            RuleFor(x => x.RecordedAt).NotNull();
        }
    }

    public sealed class Handler(IAppDbContext db, EmergencyAccess access, EmergencyBroadcast broadcast, IOptions<EmergencyOptions> options, TimeProvider clock)
        : ICommandHandler<UpdateCrewPosition, EtaView?>
    {
        public async ValueTask<EtaView?> Handle(UpdateCrewPosition command, CancellationToken cancellationToken)
        {
            var @case = await access.CrewCaseAsync(command.CaseId, null, cancellationToken);
            var now = clock.GetUtcNow();
            var recordedAt = command.RecordedAt!.Value > now ? now : command.RecordedAt.Value;
            var destination = @case.DestinationId is { } id ? await db.ReceivingHospitals.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken) : null;
            if (@case.MoveTo(command.Latitude, command.Longitude, recordedAt, destination, options.Value.EtaRoadFactor, options.Value.EtaSpeedKmh, now))
            {
                // Note: positions are not audit entries one by one (every 15 s would drown the log); the case's
                // reads and writes are.
                await broadcast.ChangedAsync(@case, "eta", cancellationToken);
            }

            return EmergencyViews.Eta(@case, now);
        }
    }
}
