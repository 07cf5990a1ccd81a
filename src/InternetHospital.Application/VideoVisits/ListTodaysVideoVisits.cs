using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The doctor's video visits of today (hospital time zone), with who is waiting and for how long, and the open
/// consultations other doctors invited them to.
/// </summary>
public sealed record ListTodaysVideoVisits : IQuery<TodaysVideoVisits>
{
    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IVisitAppointments appointments,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock) : IQueryHandler<ListTodaysVideoVisits, TodaysVideoVisits>
    {
        public async ValueTask<TodaysVideoVisits> Handle(ListTodaysVideoVisits query, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var doctorId = await db.Doctors.Where(d => d.AccountId == accountId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor profile");
            var now = clock.GetUtcNow();
            var (dayStart, dayEnd) = HospitalDay.Of(now, hospital.Value.TimeZoneInfo);
            var booked = await appointments.VideoAppointmentsOfDoctorAsync(doctorId, dayStart, dayEnd, cancellationToken);
            var ids = booked.Select(a => a.Id).ToList();
            var patientIds = booked.Select(a => a.PatientId).Distinct().ToList();
            var visits = await db.VideoVisits.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
            var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, hospital.Value.TimeZoneInfo).DateTime);

            var rows = booked
                .OrderBy(a => a.Start)
                .Select(a =>
                {
                    var visit = visits.GetValueOrDefault(a.Id);
                    var patient = patients[a.PatientId];
                    var waiting = visit is { Status: VideoVisitStatus.Waiting } ? (int)Math.Floor((now - visit.CheckedInAt).TotalMinutes) : (int?)null;
                    return new TodaysVisitRow(a.Id, a.Start, a.End, patient.FullName, patient.AgeOn(today), patient.Sex, a.Status, visit?.Status, visit?.CheckedInAt, waiting, a.Attending);
                })
                .ToList();

            var invited = await (
                from invitation in db.VisitInvitations.AsNoTracking()
                join visit in db.VideoVisits.AsNoTracking() on invitation.VisitId equals visit.Id
                join doctor in db.Doctors.AsNoTracking() on visit.DoctorId equals doctor.Id
                where invitation.SpecialistAccountId == accountId
                      && visit.Status != VideoVisitStatus.Completed && visit.Status != VideoVisitStatus.Referred
                orderby invitation.InvitedAt descending
                select new ConsultationInvite(visit.Id, doctor.FullName, invitation.InvitedAt, visit.Status))
                .ToListAsync(cancellationToken);

            return new TodaysVideoVisits(rows, invited);
        }
    }
}

public sealed record TodaysVideoVisits(IReadOnlyList<TodaysVisitRow> Visits, IReadOnlyList<ConsultationInvite> Consultations);

/// <param name="WaitingMinutes">How long the patient has been waiting since check-in (only while waiting).</param>
public sealed record TodaysVisitRow(
    Guid VisitId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string PatientName,
    int PatientAge,
    Sex PatientSex,
    string AppointmentStatus,
    VideoVisitStatus? VisitStatus,
    DateTimeOffset? CheckedInAt,
    int? WaitingMinutes,
    Attending? Attending = null);

public sealed record ConsultationInvite(Guid VisitId, string InvitedBy, DateTimeOffset InvitedAt, VideoVisitStatus Status);
