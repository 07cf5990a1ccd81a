namespace InternetHospital.Domain.VideoVisits;

/// <summary>
/// Where a waiting patient stands in their doctor's queue and how late the doctor is likely running, from the doctor's
/// visits of the day: the visit in progress (if any) is assumed to run to its scheduled end, every patient ahead takes
/// their booked slot length, and nobody is seen before their booked time.
/// </summary>
public static class WaitingQueue
{
    public static QueueEstimate Estimate(QueuedVisit me, IEnumerable<QueuedVisit> doctorsVisits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(me);
        var visits = doctorsVisits.Where(v => v.Id != me.Id).ToList();
        var ahead = visits
            .Where(v => v.Status == VideoVisitStatus.Waiting && IsAhead(v, me))
            .OrderBy(v => v.ScheduledStart).ThenBy(v => v.CheckedInAt)
            .ToList();

        var busyUntil = now;
        foreach (var current in visits.Where(v => v.Status == VideoVisitStatus.InProgress))
        {
            busyUntil = Max(busyUntil, current.ScheduledEnd);
        }

        foreach (var visit in ahead)
        {
            busyUntil = Max(busyUntil, visit.ScheduledStart) + (visit.ScheduledEnd - visit.ScheduledStart);
        }

        var expectedStart = Max(busyUntil, me.ScheduledStart);
        var late = expectedStart - me.ScheduledStart;
        return new QueueEstimate(ahead.Count + 1, (int)Math.Round(late.TotalMinutes, MidpointRounding.AwayFromZero), expectedStart);
    }

    private static bool IsAhead(QueuedVisit other, QueuedVisit me) =>
        other.ScheduledStart < me.ScheduledStart || (other.ScheduledStart == me.ScheduledStart && other.CheckedInAt < me.CheckedInAt);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

public sealed record QueuedVisit(Guid Id, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, VideoVisitStatus Status, DateTimeOffset CheckedInAt);

/// <param name="Position">1 = next to be seen.</param>
/// <param name="MinutesLate">How far behind the booked time the patient will likely be seen (0 = on time).</param>
public sealed record QueueEstimate(int Position, int MinutesLate, DateTimeOffset ExpectedStart);
