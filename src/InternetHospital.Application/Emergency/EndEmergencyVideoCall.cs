using InternetHospital.Domain.Accounts;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// Either side hangs up, or the crew declines the ringing call: the call's end goes on the timeline (once; ending a call
/// that is not on changes nothing) and both sides are told. The room stays for the next call until the handover.
/// </summary>
/// <param name="Declined">The crew declined the call instead of answering it (the department sees that).</param>
public sealed record EndEmergencyVideoCall(Guid CaseId, bool Declined) : ICommand<EmergencyVideoCallView>
{
    public sealed class Handler(EmergencyAccess access, EmergencyCallRoom callRoom, EmergencyBroadcast broadcast, ICurrentUser user, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<EndEmergencyVideoCall, EmergencyVideoCallView>
    {
        public async ValueTask<EmergencyVideoCallView> Handle(EndEmergencyVideoCall command, CancellationToken cancellationToken)
        {
            var crew = user.IsInRole(Roles.Paramedic);
            if (command.Declined && !crew)
            {
                throw new ForbiddenAccessException("emergency_not_crew", "Only the crew declines a call from the department.");
            }

            var @case = crew
                ? await access.CrewCaseAsync(command.CaseId, null, cancellationToken)
                : await access.DepartmentCaseAsync(command.CaseId, cancellationToken);
            var actor = await access.ActorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (@case.EndVideoCall(actor, now))
            {
                var kind = command.Declined ? "video_call_declined" : "video_call_ended";
                audit.Record("emergency." + kind, nameof(Domain.Emergency.EmergencyCase), @case.Id.ToString(), @case.PatientId, crew ? "crew" : "department");
                callRoom.Announce(@case, command.Declined ? EmergencyCallRoom.Declined : EmergencyCallRoom.Ended, actor, now);
                await broadcast.ChangedAsync(@case, kind, cancellationToken);
            }

            return new EmergencyVideoCallView(@case.Id, @case.IsVideoCallOn);
        }
    }
}
