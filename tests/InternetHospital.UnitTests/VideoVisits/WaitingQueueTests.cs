using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.UnitTests.VideoVisits;

public sealed class WaitingQueueTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static QueuedVisit Visit(int startMinutes, VideoVisitStatus status, int checkedInMinutes = -5) =>
        new(Guid.NewGuid(), Nine.AddMinutes(startMinutes), Nine.AddMinutes(startMinutes + 15), status, Nine.AddMinutes(checkedInMinutes));

    [Fact]
    public void A_patient_alone_in_the_queue_is_next_and_on_time()
    {
        var me = Visit(0, VideoVisitStatus.Waiting);

        var estimate = WaitingQueue.Estimate(me, [me], Nine.AddMinutes(-5));

        Assert.Equal(1, estimate.Position);
        Assert.Equal(0, estimate.MinutesLate);
    }

    [Fact]
    public void A_visit_running_over_and_patients_ahead_make_the_doctor_late()
    {
        var running = Visit(0, VideoVisitStatus.InProgress);
        var ahead = Visit(15, VideoVisitStatus.Waiting);
        var me = Visit(30, VideoVisitStatus.Waiting);
        var later = Visit(45, VideoVisitStatus.Waiting);

        // 09:20: the 09:00 visit is still on, the 09:15 patient waits, so the 09:30 patient is expected at 09:35.
        var estimate = WaitingQueue.Estimate(me, [running, ahead, me, later], Nine.AddMinutes(20));

        Assert.Equal(2, estimate.Position);
        Assert.Equal(5, estimate.MinutesLate);
        Assert.Equal(Nine.AddMinutes(35), estimate.ExpectedStart);
    }

    [Fact]
    public void Completed_visits_and_patients_not_yet_checked_in_do_not_count()
    {
        var done = Visit(0, VideoVisitStatus.Completed);
        var referred = Visit(15, VideoVisitStatus.Referred);
        var me = Visit(30, VideoVisitStatus.Waiting);

        var estimate = WaitingQueue.Estimate(me, [done, referred, me], Nine.AddMinutes(25));

        Assert.Equal(1, estimate.Position);
        Assert.Equal(0, estimate.MinutesLate);
    }

    [Fact]
    public void With_the_same_booked_time_the_earlier_check_in_goes_first()
    {
        var early = Visit(30, VideoVisitStatus.Waiting, checkedInMinutes: 16);
        var me = Visit(30, VideoVisitStatus.Waiting, checkedInMinutes: 20);

        Assert.Equal(2, WaitingQueue.Estimate(me, [early, me], Nine.AddMinutes(40)).Position);
        Assert.Equal(1, WaitingQueue.Estimate(early, [early, me], Nine.AddMinutes(40)).Position);
    }
}
