using System.Linq.Expressions;
using InternetHospital.Application.Appointments;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The patient's view of a video appointment before and while waiting: when check-in opens, whether they are checked
/// in, the doctor's status (in another visit, ready, not started yet), their place in the doctor's queue and how late
/// the doctor is running.
/// </summary>
public sealed record GetWaitingRoom(Guid AppointmentId) : IQuery<WaitingRoomDto>
{
    public sealed class Handler(
        IAppDbContext db,
        IVisitAppointments appointments,
        IPatientAccessGuard guard,
        IOptions<BookingOptions> booking,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<GetWaitingRoom, WaitingRoomDto>
    {
        public async ValueTask<WaitingRoomDto> Handle(GetWaitingRoom query, CancellationToken cancellationToken)
        {
            var appointment = await appointments.FindAsync(query.AppointmentId, cancellationToken)
                ?? throw new NotFoundException("Appointment", query.AppointmentId);
            await guard.EnsureCanActForAsync(appointment.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var doctor = await DoctorSummary.Query(db, d => d.Id == appointment.DoctorId).SingleAsync(cancellationToken);

            var visit = await db.VideoVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == appointment.Id, cancellationToken);
            var opensAt = appointment.Start - booking.Value.CheckInOpensBefore;
            QueueEstimate? estimate = null;
            var doctorStatus = DoctorStatus.NotStarted;
            if (visit is { Status: VideoVisitStatus.Waiting })
            {
                var (dayStart, dayEnd) = HospitalDay.Of(appointment.Start, hospital.Value.TimeZoneInfo);
                var todays = await db.VideoVisits.AsNoTracking()
                    .Where(v => v.DoctorId == appointment.DoctorId && v.ScheduledStart >= dayStart && v.ScheduledStart < dayEnd)
                    .Select(v => new QueuedVisit(v.Id, v.ScheduledStart, v.ScheduledEnd, v.Status, v.CheckedInAt))
                    .ToListAsync(cancellationToken);

                // Note: the queue is the doctor's session (the timetable's morning or afternoon of that day): a patient
                // of another session still marked waiting, or one whose appointment was cancelled, is not in this
                // room. A visit in progress keeps the doctor busy whichever session it belongs to.
                var session = await (
                    from a in db.Appointments.AsNoTracking()
                    join s in db.Slots.AsNoTracking() on a.SlotId equals s.Id
                    where a.Id == appointment.Id
                    select new { s.SessionId, s.LocalDate }).SingleAsync(cancellationToken);
                var sessionWaiting = await (
                    from v in db.VideoVisits.AsNoTracking()
                    join a in db.Appointments.AsNoTracking() on v.Id equals a.Id
                    join s in db.Slots.AsNoTracking() on a.SlotId equals s.Id
                    where v.DoctorId == appointment.DoctorId && v.Status == VideoVisitStatus.Waiting
                          && s.LocalDate == session.LocalDate && s.SessionId == session.SessionId
                          && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
                    select new QueuedVisit(v.Id, v.ScheduledStart, v.ScheduledEnd, v.Status, v.CheckedInAt)).ToListAsync(cancellationToken);
                var queue = todays.Where(v => v.Status != VideoVisitStatus.Waiting).Concat(sessionWaiting);
                estimate = WaitingQueue.Estimate(new QueuedVisit(visit.Id, visit.ScheduledStart, visit.ScheduledEnd, visit.Status, visit.CheckedInAt), queue, now);
                doctorStatus = todays.Any(v => v.Status == VideoVisitStatus.InProgress)
                    ? DoctorStatus.InAnotherVisit
                    : await db.ConsultingSessions.AnyAsync(s => s.AccountId == appointment.DoctorAccountId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken)
                        ? DoctorStatus.Ready
                        : DoctorStatus.NotStarted;
            }

            return new WaitingRoomDto(
                appointment.Id,
                appointment.Start,
                appointment.End,
                appointment.Status,
                doctor,
                opensAt,
                visit is null && now >= opensAt && appointment.IsVideo,
                visit?.Status,
                visit?.CheckedInAt,
                doctorStatus,
                estimate?.Position,
                estimate is null ? null : estimate.Position - 1,
                estimate?.MinutesLate);
        }
    }
}

public enum DoctorStatus
{
    /// <summary>The doctor has not started their session of visits yet.</summary>
    NotStarted = 1,

    /// <summary>Started and not in a call: the patient will be admitted shortly.</summary>
    Ready = 2,

    InAnotherVisit = 3,
}

public sealed record DoctorSummary(Guid DoctorId, string Name, string Title, string TitleEn, Guid DepartmentId, string Department, string DepartmentEn)
{
    /// <summary>The doctors chosen by <paramref name="which"/> with their department, as the visit screens show them.</summary>
    public static IQueryable<DoctorSummary> Query(IAppDbContext db, Expression<Func<Doctor, bool>> which) =>
        from d in db.Doctors.AsNoTracking().Where(which)
        join department in db.Departments.AsNoTracking() on d.DepartmentId equals department.Id
        select new DoctorSummary(d.Id, d.FullName, d.Title, d.TitleEn, department.Id, department.Name, department.NameEn);
}

/// <param name="QueuePosition">1 = next to be seen.</param>
/// <param name="PatientsAhead">Patients checked in and waiting for the doctor in the same session who will be seen first (0 = next): what the waiting room says.</param>
public sealed record WaitingRoomDto(
    Guid AppointmentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string AppointmentStatus,
    DoctorSummary Doctor,
    DateTimeOffset CheckInOpensAt,
    bool CanCheckIn,
    VideoVisitStatus? VisitStatus,
    DateTimeOffset? CheckedInAt,
    DoctorStatus DoctorStatus,
    int? QueuePosition,
    int? PatientsAhead,
    int? MinutesLate);

/// <summary>The hospital's calendar day (in its time zone) around an instant, as UTC bounds.</summary>
public static class HospitalDay
{
    public static (DateTimeOffset Start, DateTimeOffset End) Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var midnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified);
        var start = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        var nextMidnight = midnight.AddDays(1);
        var end = new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight));
        return (start.ToUniversalTime(), end.ToUniversalTime());
    }
}
