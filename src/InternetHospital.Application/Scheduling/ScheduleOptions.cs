using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// The slot-planning setting of section <c>Booking</c> (the same section as the booking rules, so the configuration key
/// stays <c>Booking:HorizonWeeks</c>); it lives with scheduling, which owns the slots, so scheduling needs nothing of
/// appointments.
/// </summary>
public sealed class ScheduleOptions
{
    public const string Section = "Booking";

    /// <summary>How many weeks ahead slots are generated from the doctors' timetables.</summary>
    [Range(1, 104)]
    public int HorizonWeeks { get; set; } = 8;
}
