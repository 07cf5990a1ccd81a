namespace InternetHospital.Application.Emergency;

/// <summary>
/// The emergency doctor calls the ambulance crew by video from the case channel: the case's room opens (or is reused),
/// the call goes on the timeline, and the crew's phones ring. Calling while the call is on rings again. Only the staff
/// of the case's destination; never once the case is handed over.
/// </summary>
public sealed record StartEmergencyVideoCall(Guid CaseId) : ICommand<EmergencyVideoCallView>
{
    public sealed class Handler(DepartmentWriter department, EmergencyCallRoom callRoom) : ICommandHandler<StartEmergencyVideoCall, EmergencyVideoCallView>
    {
        public async ValueTask<EmergencyVideoCallView> Handle(StartEmergencyVideoCall command, CancellationToken cancellationToken)
        {
            var @case = await department.WriteAsync(command.CaseId, "video_call_started", async (c, staff, now) =>
            {
                c.StartVideoCall(staff, now);
                await callRoom.OpenAsync(c, staff, now, cancellationToken);
                callRoom.Announce(c, EmergencyCallRoom.Ringing, staff, now);
            }, cancellationToken);
            return new EmergencyVideoCallView(@case.Id, @case.IsVideoCallOn);
        }
    }
}

/// <param name="RoomId">The video room's id (the visit hub's <c>JoinVisit</c>): the case's own id.</param>
public sealed record EmergencyVideoCallView(Guid RoomId, bool On);
