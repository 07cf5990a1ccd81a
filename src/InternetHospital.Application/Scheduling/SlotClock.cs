using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>The hospital's calendar: "today" and local days are in its time zone, whatever the server's is.</summary>
public static class SlotClock
{
    public static DateOnly Today(TimeProvider clock, HospitalOptions hospital) =>
        SlotGenerator.LocalDate(clock.GetUtcNow(), hospital.TimeZoneInfo);

    public static DateOnly LocalDate(DateTimeOffset instant, HospitalOptions hospital) =>
        SlotGenerator.LocalDate(instant, hospital.TimeZoneInfo);
}
