using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Appointments;

public enum AppointmentScope
{
    Upcoming = 1,
    Past = 2,
}

/// <summary>
/// A patient's appointments: upcoming (soonest first, including holds waiting for payment or review) or past
/// (most recent first, including cancelled ones).
/// </summary>
public sealed record ListAppointments(Guid PatientId, AppointmentScope Scope = AppointmentScope.Upcoming, int Page = 1, int PageSize = 20) : IQuery<PagedList<AppointmentView>>
{
    public sealed class Validator : AbstractValidator<ListAppointments>
    {
        public Validator()
        {
            RuleFor(x => x.Scope).IsInEnum();
            RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
            RuleFor(x => x.PageSize).InclusiveBetween(1, PagedList<AppointmentView>.MaxPageSize);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IAuditLog audit,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<ListAppointments, PagedList<AppointmentView>>
    {
        public async ValueTask<PagedList<AppointmentView>> Handle(ListAppointments query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var upcoming = Appointment.UpcomingStates;
            var mine = db.Appointments.AsNoTracking().Where(a => a.PatientId == query.PatientId);
            mine = query.Scope == AppointmentScope.Upcoming
                ? mine.Where(a => a.End > now && upcoming.Contains(a.Status)).OrderBy(a => a.Start).ThenBy(a => a.Id)
                : mine.Where(a => a.End <= now || !upcoming.Contains(a.Status)).OrderByDescending(a => a.Start).ThenBy(a => a.Id);
            var total = await mine.CountAsync(cancellationToken);
            var rows = await AppointmentQueries.Rows(db, mine.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)).ToListAsync(cancellationToken);
            var page = query.Scope == AppointmentScope.Upcoming
                ? rows.OrderBy(r => r.Appointment.Start).ToList()
                : rows.OrderByDescending(r => r.Appointment.Start).ToList();
            audit.Record("appointment.list", nameof(Appointment), null, query.PatientId, query.Scope.ToString());
            return new PagedList<AppointmentView>(page.Select(r => r.ToView(now, booking.Value, hospital.Value)).ToList(), query.Page, query.PageSize, total);
        }
    }
}
