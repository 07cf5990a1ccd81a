namespace InternetHospital.Application.Sms;

/// <summary>No reminders by SMS between 22:00 and 07:00 in the person's time zone: they are deferred to 07:00, not dropped.</summary>
public static class QuietHours
{
    public static readonly TimeOnly Start = new(22, 0);
    public static readonly TimeOnly End = new(7, 0);

    /// <summary>The first instant at or after <paramref name="now"/> outside the quiet hours of <paramref name="zone"/>.</summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time >= End && time < Start)
        {
            return now;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = time >= Start ? day.AddDays(1) : day;
        var endLocal = endDay.ToDateTime(End);

        // Note: the offset at 07:00 itself (a DST change overnight moves it), not the offset at the time of the request.
        var offset = zone.GetUtcOffset(endLocal);
        return new DateTimeOffset(endLocal, offset).ToUniversalTime();
    }
}
