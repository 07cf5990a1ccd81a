using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// A doctor's day or week: every slot (free, blocked, cancelled) with the appointment in it (patient name, visit
/// type, state). Doctors see their own; admins name a doctor. Reading patients' appointments is audited.
/// </summary>
public sealed record GetDoctorCalendar(Guid? DoctorId, DateOnly From, int Days = 7) : IQuery<DoctorCalendar>
{
    public sealed class Validator : AbstractValidator<GetDoctorCalendar>
    {
        public Validator()
        {
            RuleFor(x => x.Days).InclusiveBetween(1, 31);
        }
    }

    public sealed class Handler(IAppDbContext db, StaffAccess staff, IAuditLog audit, IOptions<HospitalOptions> hospital) : IQueryHandler<GetDoctorCalendar, DoctorCalendar>
    {
        public async ValueTask<DoctorCalendar> Handle(GetDoctorCalendar query, CancellationToken cancellationToken)
        {
            var doctor = await staff.DoctorToActOnAsync(query.DoctorId, cancellationToken);
            var until = query.From.AddDays(query.Days);
            var slots = await db.Slots.AsNoTracking()
                .Where(s => s.DoctorId == doctor.Id && s.LocalDate >= query.From && s.LocalDate < until && s.Status != SlotStatus.Retired)
                .OrderBy(s => s.Start)
                .ToListAsync(cancellationToken);
            var (rangeStart, _) = SlotGenerator.DayBounds(query.From, hospital.Value.TimeZoneInfo);
            var (_, rangeEnd) = SlotGenerator.DayBounds(until.AddDays(-1), hospital.Value.TimeZoneInfo);
            var appointments = await (
                from a in db.Appointments.AsNoTracking()
                join p in db.Patients on a.PatientId equals p.Id
                where a.DoctorId == doctor.Id && a.Start >= rangeStart && a.Start < rangeEnd
                select new { a.Id, a.SlotId, a.OccupiedSlotId, a.PatientId, PatientName = p.FullName, a.VisitType, a.Status, a.Start, a.End })
                .ToListAsync(cancellationToken);

            var live = appointments.Where(a => a.OccupiedSlotId is not null).ToDictionary(a => a.OccupiedSlotId!.Value);
            var days = Enumerable.Range(0, query.Days).Select(i => query.From.AddDays(i)).Select(date => new CalendarDay(
                date,
                slots.Where(s => s.LocalDate == date).Select(s => new CalendarSlot(
                    s.Id, s.Start, s.End, s.Status, s.OffersInPerson, s.OffersVideo, s.SessionId,
                    live.TryGetValue(s.Id, out var a) ? new CalendarAppointment(a.Id, a.PatientId, a.PatientName, a.VisitType, a.Status) : null)).ToList()))
                .ToList();
            var cancelledCount = appointments.Count(a => a.Status == AppointmentStatus.Cancelled);

            audit.Record("appointment.calendar_read", "DoctorCalendar", doctor.Id.ToString(), null, $"{query.From:yyyy-MM-dd}+{query.Days}");
            return new DoctorCalendar(doctor.Id, doctor.FullName, hospital.Value.TimeZone, days, cancelledCount);
        }
    }
}

public sealed record DoctorCalendar(Guid DoctorId, string DoctorName, string TimeZone, IReadOnlyList<CalendarDay> Days, int CancelledAppointments);

public sealed record CalendarDay(DateOnly Date, IReadOnlyList<CalendarSlot> Slots);

public sealed record CalendarSlot(Guid Id, DateTimeOffset Start, DateTimeOffset End, SlotStatus Status, bool OffersInPerson, bool OffersVideo, Guid? SessionId, CalendarAppointment? Appointment);

public sealed record CalendarAppointment(Guid Id, Guid PatientId, string PatientName, VisitType VisitType, AppointmentStatus Status);
