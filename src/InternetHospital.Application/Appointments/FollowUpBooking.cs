using InternetHospital.Application.Payments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The rules of a doctor-initiated follow-up booking, shared by the use cases that book one (from the doctor's
/// schedule or a family follow-up task, and from a video visit's note). It holds the slot in the caller's unit of
/// work so that whatever the caller links to the appointment is saved with it, or not at all.
/// </summary>
public sealed class FollowUpBooking(
    IAppDbContext db,
    ICurrentUser currentUser,
    ICareRelationships care,
    BookingRules rules,
    AppointmentMessages messages,
    IAuditLog audit,
    IOptions<BookingOptions> booking,
    IOptions<PaymentOptions> paymentOptions,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock)
{
    /// <summary>The doctor has seen the patient before (a completed appointment) or is their family doctor.</summary>
    public async Task EnsureCaresForAsync(Doctor doctor, Guid patientId, CancellationToken cancellationToken)
    {
        var seenBefore = await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.DoctorId == doctor.Id && a.Status == AppointmentStatus.Completed, cancellationToken);
        if (!seenBefore && !await care.IsFamilyDoctorOfAsync(doctor.Id, patientId, cancellationToken))
        {
            // Note: 404, not 403: a doctor without a care relationship must not learn whether the patient exists.
            throw new NotFoundException("Patient", patientId);
        }
    }

    /// <summary>
    /// Holds one of the doctor's own slots for the patient (unsaved): the patient's booking limits apply, the patient is
    /// told, and the hold lasts <see cref="BookingOptions.StaffHoldDuration"/>. The caller saves with <see cref="SaveAsync"/>.
    /// </summary>
    public async Task<Appointment> HoldAsync(Doctor doctor, Guid patientId, Guid slotId, VisitType visitType, CancellationToken cancellationToken)
    {
        var slot = await db.Slots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.DoctorId == doctor.Id, cancellationToken)
            ?? throw new NotFoundException("Slot", slotId);
        var now = clock.GetUtcNow();
        if (visitType == VisitType.Video && !doctor.CanSeeOnVideo(SlotClock.Today(clock, hospital.Value)))
        {
            throw new DomainRuleException("doctor_not_eligible_for_video", "You may not be scheduled for video visits.");
        }

        await rules.EnsureAllowedAsync(patientId, slot, null, cancellationToken);
        var basis = visitType == VisitType.Video ? FollowUpBasis.DoctorReferral : FollowUpBasis.NotRequired;
        var appointment = Appointment.Hold(
            new NewAppointment(patientId, currentUser.RequireAccountId(), slot, visitType, doctor.FeeFor(visitType), paymentOptions.Value.Currency, basis, null, null, now + booking.Value.StaffHoldDuration),
            now);
        db.Appointments.Add(appointment);
        audit.Record("appointment.booked_by_doctor", nameof(Appointment), appointment.Id.ToString(), patientId);
        await messages.BookedByDoctorAsync(appointment, cancellationToken);
        return appointment;
    }

    /// <summary>Saves the unit of work (a slot taken meanwhile is a 409) and returns the appointment as its views show it.</summary>
    public async Task<AppointmentView> SaveAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException exception)
        {
            throw BookingRules.FromUniqueViolation(exception);
        }

        var row = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id)).SingleAsync(cancellationToken);
        return row.ToView(clock.GetUtcNow(), booking.Value, hospital.Value);
    }
}
