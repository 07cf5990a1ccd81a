using InternetHospital.Domain.Scheduling;

namespace InternetHospital.UnitTests.Appointments;

public sealed class SlotGeneratorTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static SessionPlan Session(DayOfWeek day, int fromHour, int toHour, int minutes = 30) =>
        new(Guid.NewGuid(), day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0), minutes, true, true);

    [Fact]
    public void Shanghai_morning_slots_are_stored_in_utc()
    {
        var monday = new DateOnly(2026, 3, 2);
        var slots = SlotGenerator.Plan([Session(DayOfWeek.Monday, 9, 12)], monday, monday.AddDays(7), Shanghai).ToList();

        Assert.Equal(6, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(TimeSpan.Zero, slots[0].Start.Offset);
        Assert.All(slots, s => Assert.Equal(monday, s.LocalDate));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 3, 30, 0, TimeSpan.Zero), slots[^1].Start);
    }

    [Fact]
    public void The_same_wall_clock_time_moves_in_utc_across_daylight_saving()
    {
        var slots = SlotGenerator.Plan([Session(DayOfWeek.Friday, 9, 10, 60)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 21), NewYork).ToList();

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 14, 0, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 13, 0, 0, TimeSpan.Zero), slots[1].Start);
    }

    [Fact]
    public void The_hour_the_clocks_skip_has_no_slots()
    {
        // 8 March 2026, New York: 02:00 jumps to 03:00.
        var sunday = new DateOnly(2026, 3, 8);
        var slots = SlotGenerator.Plan([Session(DayOfWeek.Sunday, 1, 4)], sunday, sunday.AddDays(1), NewYork).ToList();

        Assert.Equal(4, slots.Count);
        Assert.Equal([6, 6, 7, 7], slots.Select(s => s.Start.UtcDateTime.Hour));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.End - s.Start));
    }

    [Fact]
    public void The_hour_that_happens_twice_gets_its_slots_once_and_nothing_overlaps()
    {
        // 1 November 2026, New York: 02:00 falls back to 01:00.
        var sunday = new DateOnly(2026, 11, 1);
        var slots = SlotGenerator.Plan([Session(DayOfWeek.Sunday, 0, 3)], sunday, sunday.AddDays(1), NewYork).ToList();

        Assert.Equal(6, slots.Count);
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.True(slots[i].Start >= slots[i - 1].End, "slots overlap");
        }

        // 01:00 local is taken at its first occurrence (EDT, UTC-4).
        Assert.Contains(slots, s => s.Start == new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_local_day_can_be_23_or_25_hours_long()
    {
        var (start, end) = SlotGenerator.DayBounds(new DateOnly(2026, 3, 8), NewYork);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
        (start, end) = SlotGenerator.DayBounds(new DateOnly(2026, 11, 1), NewYork);
        Assert.Equal(TimeSpan.FromHours(25), end - start);
    }

    [Fact]
    public void Overlapping_sessions_and_video_for_an_ineligible_doctor_are_refused()
    {
        var template = ScheduleTemplate.Create(Guid.NewGuid(), DateTimeOffset.UtcNow);
        var overlap = Assert.Throws<Domain.Common.DomainRuleException>(() => template.ReplaceSessions(
            [new SessionSpec(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), 30, true, false), new SessionSpec(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0), 30, true, false)],
            doctorMaySeeOnVideo: true,
            DateTimeOffset.UtcNow));
        Assert.Equal("sessions_overlap", overlap.Code);

        var video = Assert.Throws<Domain.Common.DomainRuleException>(() => template.ReplaceSessions(
            [new SessionSpec(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), 30, false, true)], doctorMaySeeOnVideo: false, DateTimeOffset.UtcNow));
        Assert.Equal("doctor_not_eligible_for_video", video.Code);
    }
}
