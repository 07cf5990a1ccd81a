using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>The signed-in doctor's video follow-ups waiting for a decision on uploaded proof, soonest first.</summary>
public sealed record ListFollowUpReviews : IQuery<IReadOnlyList<AppointmentView>>
{
    public sealed class Handler(
        IAppDbContext db,
        StaffAccess staff,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<ListFollowUpReviews, IReadOnlyList<AppointmentView>>
    {
        public async ValueTask<IReadOnlyList<AppointmentView>> Handle(ListFollowUpReviews query, CancellationToken cancellationToken)
        {
            var doctor = await staff.CurrentDoctorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rows = await AppointmentQueries.Rows(db, db.Appointments.AsNoTracking().Where(a => a.DoctorId == doctor.Id && a.Status == AppointmentStatus.PendingReview))
                .ToListAsync(cancellationToken);
            audit.Record("follow_up.reviews_listed", nameof(Appointment), null, null, rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return rows.OrderBy(r => r.Appointment.Start).Select(r => r.ToView(now, booking.Value, hospital.Value)).ToList();
        }
    }
}
