namespace InternetHospital.Domain.Scheduling;

/// <summary>
/// Turns weekly sessions in the hospital's wall-clock time into concrete slots in UTC. Daylight saving is handled
/// the way people expect of a clinic: a local time that does not exist (the spring-forward gap) has no slot; a local
/// time that happens twice (the autumn fall-back) gets one slot, at its first occurrence; every slot lasts its full
/// length in real time, so slots never overlap.
/// </summary>
public static class SlotGenerator
{
    public static IEnumerable<PlannedSlot> Plan(IEnumerable<SessionPlan> sessions, DateOnly from, DateOnly toExclusive, TimeZoneInfo zone)
    {
        var byDay = sessions.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList());
        for (var date = from; date < toExclusive; date = date.AddDays(1))
        {
            if (!byDay.TryGetValue(date.DayOfWeek, out var daySessions))
            {
                continue;
            }

            DateTimeOffset? previousEnd = null;
            foreach (var session in daySessions)
            {
                var length = TimeSpan.FromMinutes(session.SlotMinutes);
                for (var local = date.ToDateTime(session.Start); local + length <= date.ToDateTime(session.End); local += length)
                {
                    if (ToUtc(local, zone) is not { } start)
                    {
                        continue;
                    }

                    // Note: after a fall-back the wall clock repeats; skip a slot that would start before the last one ended.
                    if (previousEnd is { } end && start < end)
                    {
                        continue;
                    }

                    previousEnd = start + length;
                    yield return new PlannedSlot(start, start + length, date, session.SessionId, session.InPerson, session.Video);
                }
            }
        }
    }

    /// <summary>The UTC instant of a wall-clock time, or null if the clocks skip it.</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The UTC bounds of a local calendar day (which may be 23 or 25 hours long).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly date, TimeZoneInfo zone) =>
        (StartOfDay(date, zone), StartOfDay(date.AddDays(1), zone));

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        // Note: some zones skip midnight itself on DST days; the day then starts at the first valid minute.
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return ToUtc(local, zone)!.Value;
    }
}

public sealed record PlannedSlot(DateTimeOffset Start, DateTimeOffset End, DateOnly LocalDate, Guid SessionId, bool InPerson, bool Video);
