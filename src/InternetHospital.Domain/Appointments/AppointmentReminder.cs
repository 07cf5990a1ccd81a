namespace InternetHospital.Domain.Appointments;

public enum ReminderKind
{
    /// <summary>24 hours before the start.</summary>
    Day = 1,

    /// <summary>1 hour before the start.</summary>
    Hour = 2,
}

/// <summary>
/// A reminder the booking job has dealt with for an appointment at a given start time (sent, or found moot because the
/// booking was made within the lead time). Kept beside the appointment, not on it: the job never writes the appointment
/// row, so a patient checking in, paying or cancelling at the moment it runs does not lose on the appointment's
/// concurrency token. The key (appointment, kind, start) makes a reminder once-only across API instances, and a
/// rescheduled appointment (a new start) is reminded again.
/// </summary>
public sealed class AppointmentReminder
{
    private AppointmentReminder()
    {
    }

    public Guid AppointmentId { get; private set; }
    public ReminderKind Kind { get; private set; }

    /// <summary>The appointment's start the reminder was for.</summary>
    public DateTimeOffset For { get; private set; }

    public DateTimeOffset HandledAt { get; private set; }

    public static AppointmentReminder Handled(Appointment appointment, ReminderKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new AppointmentReminder { AppointmentId = appointment.Id, Kind = kind, For = appointment.Start, HandledAt = now };
    }
}
