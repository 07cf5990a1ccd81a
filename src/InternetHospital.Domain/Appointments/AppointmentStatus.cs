namespace InternetHospital.Domain.Appointments;

/// <summary>
/// Where an appointment is in its life. The allowed moves are listed in <see cref="Appointment.Transitions"/>;
/// any other is a 409.
/// </summary>
public enum AppointmentStatus
{
    /// <summary>A video follow-up waiting for the doctor to accept the patient's proof of an in-person diagnosis; the slot is held.</summary>
    PendingReview = 1,

    /// <summary>The slot is held (15 minutes by default) until the fee is paid.</summary>
    PendingPayment = 2,

    Booked = 3,
    CheckedIn = 4,
    InProgress = 5,
    Completed = 6,

    /// <summary>By the patient, the doctor, an admin, or the system (an expired hold).</summary>
    Cancelled = 7,

    NoShow = 8,
}

public enum CancelledBy
{
    Patient = 1,
    Doctor = 2,
    Admin = 3,
    System = 4,
}

/// <summary>Why a video visit is allowed (domain rule 1), kept with the appointment for traceability.</summary>
public enum FollowUpBasis
{
    /// <summary>An in-person visit: no follow-up rule applies.</summary>
    NotRequired = 0,

    /// <summary>The HIS has an in-person diagnosis of one of the department's conditions within the look-back window.</summary>
    HisDiagnosis = 1,

    /// <summary>Family-doctor contract services may be online.</summary>
    FamilyDoctor = 2,

    /// <summary>A doctor who has seen the patient booked the follow-up themselves.</summary>
    DoctorReferral = 3,

    /// <summary>The patient uploaded proof of a diagnosis made elsewhere and the doctor accepted it.</summary>
    UploadedProof = 4,
}

/// <summary>Stable reason codes for cancellations (the SPA translates them).</summary>
public static class CancellationReasons
{
    public const string ByPatient = "patient_cancelled";
    public const string HoldExpired = "hold_expired";
    public const string ReviewExpired = "review_expired";
    public const string FollowUpRejected = "follow_up_rejected";
    public const string SessionCancelled = "session_cancelled";

    /// <summary>The doctor stopped a video visit before admitting the patient and referred them to in-person care.</summary>
    public const string ReferredInPerson = "referred_in_person";
}
