using InternetHospital.Application.Appointments;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// <see cref="IVisitAppointments"/> over booking's Appointment aggregate: every state change goes through the
/// aggregate's own methods (CheckIn, Admit, Complete, CancelByHospital), and money through booking's release service.
/// </summary>
internal sealed class AppointmentsForVisits(IAppDbContext db, AppointmentRelease release, IOptions<BookingOptions> booking, TimeProvider clock) : IVisitAppointments
{
    public async Task<VisitAppointment?> FindAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        await Project(db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<VisitAppointment>> VideoAppointmentsOfDoctorAsync(Guid doctorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await Project(db.Appointments.AsNoTracking()
                .Where(a => a.DoctorId == doctorId && a.VisitType == VisitType.Video && a.Start >= from && a.Start < to)
                .Where(a => a.Status != AppointmentStatus.PendingReview && a.Status != AppointmentStatus.PendingPayment))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VisitAppointment>> VideoAppointmentsOfPatientsAsync(IReadOnlyList<Guid> patientIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await Project(db.Appointments.AsNoTracking()
                .Where(a => patientIds.Contains(a.PatientId) && a.VisitType == VisitType.Video && a.Start >= from && a.Start < to)
                .Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Completed))
            .ToListAsync(cancellationToken);

    public async Task CheckInAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        (await LoadAsync(appointmentId, cancellationToken)).CheckIn(booking.Value.CheckInOpensBefore, clock.GetUtcNow());

    public async Task RecordAttendanceAsync(Guid appointmentId, Guid accountId, string name, string relation, bool guardianPresent, CancellationToken cancellationToken) =>
        (await LoadAsync(appointmentId, cancellationToken)).RecordAttendance(accountId, name, relation, guardianPresent);

    public async Task StartAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        (await LoadAsync(appointmentId, cancellationToken)).Admit(clock.GetUtcNow());

    public async Task CompleteAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        (await LoadAsync(appointmentId, cancellationToken)).Complete(clock.GetUtcNow());

    public async Task<decimal?> EndWithReferralAsync(Guid appointmentId, string reason, bool refundFee, CancellationToken cancellationToken)
    {
        var appointment = await LoadAsync(appointmentId, cancellationToken);
        var now = clock.GetUtcNow();
        if (appointment.Status == AppointmentStatus.InProgress)
        {
            // Note: the visit took place (and ended with a referral): the appointment is completed, the referral is the visit's outcome.
            appointment.Complete(now);
        }
        else
        {
            appointment.CancelByHospital(CancelledBy.Doctor, CancellationReasons.ReferredInPerson, reason, now);
        }

        return refundFee ? await release.SettlePaymentAsync(appointment, "Online visit stopped: referred to in-person care.", cancellationToken) : null;
    }

    private IQueryable<VisitAppointment> Project(IQueryable<Appointment> appointments) =>
        from a in appointments
        join doctor in db.Doctors.AsNoTracking() on a.DoctorId equals doctor.Id
        select new VisitAppointment(a.Id, a.PatientId, a.DoctorId, doctor.AccountId, a.DepartmentId, a.Start, a.End, a.VisitType == VisitType.Video, a.Status.ToString(),
            a.AttendingName == null || a.AttendingRelation == null ? null : new Attending(a.AttendingName, a.AttendingRelation, a.GuardianPresent));

    private async Task<Appointment> LoadAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.Local.SingleOrDefault(a => a.Id == appointmentId)
            ?? await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", appointmentId);
}
