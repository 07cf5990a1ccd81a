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
        await Query().Where(r => r.Appointment.Id == appointmentId).Select(r => ToVisitAppointment(r.Appointment, r.DoctorAccountId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<VisitAppointment>> VideoAppointmentsOfDoctorAsync(Guid doctorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await Query()
            .Where(r => r.Appointment.DoctorId == doctorId && r.Appointment.VisitType == VisitType.Video && r.Appointment.Start >= from && r.Appointment.Start < to)
            .Where(r => r.Appointment.Status != AppointmentStatus.PendingReview && r.Appointment.Status != AppointmentStatus.PendingPayment)
            .Select(r => ToVisitAppointment(r.Appointment, r.DoctorAccountId))
            .ToListAsync(cancellationToken);

    public async Task CheckInAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        (await LoadAsync(appointmentId, cancellationToken)).CheckIn(booking.Value.CheckInOpensBefore, clock.GetUtcNow());

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

    private IQueryable<Row> Query() =>
        from appointment in db.Appointments.AsNoTracking()
        join doctor in db.Doctors.AsNoTracking() on appointment.DoctorId equals doctor.Id
        select new Row(appointment, doctor.AccountId);

    private async Task<Appointment> LoadAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.Local.SingleOrDefault(a => a.Id == appointmentId)
            ?? await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", appointmentId);

    private static VisitAppointment ToVisitAppointment(Appointment a, Guid doctorAccountId) =>
        new(a.Id, a.PatientId, a.DoctorId, doctorAccountId, a.DepartmentId, a.Start, a.End, a.VisitType == VisitType.Video, a.Status.ToString());

    private sealed record Row(Appointment Appointment, Guid DoctorAccountId);
}
