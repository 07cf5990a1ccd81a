using InternetHospital.Domain.Common;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.Emergency;

/// <summary>The video call between the department and the crew on a case's timeline, and the case's video room.</summary>
public sealed class EmergencyVideoCallTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Crew = new(Guid.NewGuid(), "王磊");
    private static readonly Actor Doctor = new(Guid.NewGuid(), "郑洁");

    private static EmergencyCase Started() =>
        EmergencyCase.Start(Guid.NewGuid(), Guid.NewGuid(), Crew, new SyncStamp(Guid.NewGuid(), 1), null, Now.AddMinutes(-10), Now);

    private static TimelineKind[] Calls(EmergencyCase c) =>
        [.. c.Timeline.Select(t => t.Kind).Where(k => k is TimelineKind.VideoCallStarted or TimelineKind.VideoCallEnded)];

    [Fact]
    public void Each_call_starts_and_ends_once_on_the_timeline_and_ringing_again_is_the_same_call()
    {
        var c = Started();
        Assert.True(c.StartVideoCall(Doctor, Now));
        Assert.False(c.StartVideoCall(Doctor, Now.AddSeconds(20)));
        Assert.True(c.IsVideoCallOn);
        Assert.True(c.EndVideoCall(Crew, Now.AddMinutes(1)));
        Assert.False(c.EndVideoCall(Doctor, Now.AddMinutes(1)));
        Assert.True(c.StartVideoCall(Doctor, Now.AddMinutes(2)));

        Assert.Equal([TimelineKind.VideoCallStarted, TimelineKind.VideoCallEnded, TimelineKind.VideoCallStarted], Calls(c));
    }

    [Fact]
    public void The_handover_ends_a_call_that_is_on_and_no_call_starts_after_it()
    {
        var c = Started();
        c.StartVideoCall(Doctor, Now);
        c.Record(TimelineKind.Handover, Now.AddMinutes(5), Crew, Now.AddMinutes(5));

        Assert.False(c.IsVideoCallOn);
        Assert.Equal([TimelineKind.VideoCallStarted, TimelineKind.VideoCallEnded], Calls(c));
        Assert.Equal("emergency_case_closed", Assert.Throws<DomainConflictException>(() => c.StartVideoCall(Doctor, Now.AddMinutes(6))).Code);
    }

    [Fact]
    public void The_case_room_has_no_patient_opens_with_the_call_on_and_closes_for_good()
    {
        var caseId = Guid.NewGuid();
        var room = VideoVisit.OpenForEmergencyCase(caseId, Doctor.AccountId, Now);
        Assert.Equal(caseId, room.Id);
        Assert.Equal(VisitPurpose.EmergencyCase, room.Purpose);
        Assert.True(room.PatientExcluded);
        Assert.Equal(VideoVisitStatus.InProgress, room.Status);
        room.EnsureCallOpen();

        room.CloseEmergencyRoom(Crew.AccountId, Now.AddMinutes(5));
        Assert.Equal(VideoVisitStatus.Completed, room.Status);
        Assert.Equal("visit_finished", Assert.Throws<DomainConflictException>(room.EnsureCallOpen).Code);
    }
}
