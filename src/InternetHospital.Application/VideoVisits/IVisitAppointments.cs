namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// What a video visit needs from its appointment (the booking feature's aggregate): the facts of the booking and the
/// transitions the visit drives (checked in, in progress, completed, ended by referral). One implementation, against
/// the Appointment aggregate's own methods, keeps every change of appointment state inside that aggregate. Callers
/// save the unit of work.
/// </summary>
public interface IVisitAppointments
{
    Task<VisitAppointment?> FindAsync(Guid appointmentId, CancellationToken cancellationToken);

    /// <summary>The doctor's video appointments starting in [from, to), any state.</summary>
    Task<IReadOnlyList<VisitAppointment>> VideoAppointmentsOfDoctorAsync(Guid doctorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Video appointments of these patients starting in [from, to), booked or later (no holds, no cancellations).</summary>
    Task<IReadOnlyList<VisitAppointment>> VideoAppointmentsOfPatientsAsync(IReadOnlyList<Guid> patientIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task CheckInAsync(Guid appointmentId, CancellationToken cancellationToken);

    /// <summary>Records who attends with or for the patient (a guardian or proxy) and whether the guardian is present.</summary>
    Task RecordAttendanceAsync(Guid appointmentId, Guid accountId, string name, string relation, bool guardianPresent, CancellationToken cancellationToken);

    Task StartAsync(Guid appointmentId, CancellationToken cancellationToken);

    Task CompleteAsync(Guid appointmentId, CancellationToken cancellationToken);

    /// <summary>Ends the appointment of a visit stopped for referral; refunds the fee when asked (returns the amount refunded).</summary>
    Task<decimal?> EndWithReferralAsync(Guid appointmentId, string reason, bool refundFee, CancellationToken cancellationToken);
}

/// <param name="Status">The appointment's state as the booking feature names it (e.g. <c>Booked</c>, <c>CheckedIn</c>).</param>
/// <param name="DepartmentId">The department of the appointment, for an in-person booking offered after a referral.</param>
public sealed record VisitAppointment(
    Guid Id,
    Guid PatientId,
    Guid DoctorId,
    Guid DoctorAccountId,
    Guid DepartmentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsVideo,
    string Status,
    Attending? Attending = null);

/// <summary>Who attends with or for the patient, as the doctor sees it: "Attending: NAME (guardian)".</summary>
public sealed record Attending(string Name, string Relation, bool GuardianPresent);
