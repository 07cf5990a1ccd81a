using InternetHospital.Application.VideoVisits.Consultation;
using InternetHospital.Application.VideoVisits.Guests;
using InternetHospital.Application.VideoVisits.Record;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// A visit as its participants see it. Doctors (treating and invited) see the note as it is being written and the trace
/// of everything that happened; the patient sees the signed note once the visit is completed (the after-visit summary)
/// and the doctor's reason and advice if it was stopped and referred.
/// </summary>
public sealed record GetVideoVisit(Guid VisitId) : IQuery<VideoVisitDto>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IAccountService accounts, IVisitAppointments appointments, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock, ICurrentUser currentUser)
        : IQueryHandler<GetVideoVisit, VideoVisitDto>
    {
        public async ValueTask<VideoVisitDto> Handle(GetVideoVisit query, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(query.VisitId, cancellationToken, VisitParts.Note | VisitParts.Addenda | VisitParts.Events | VisitParts.RecordingConsents);
            VisitAccess.EnsureVisitRecord(visit);
            var isClinician = role is VisitRole.Doctor or VisitRole.Specialist;

            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == visit.PatientId, cancellationToken);
            var doctor = await DoctorSummary.Query(db, d => d.Id == visit.DoctorId).SingleAsync(cancellationToken);
            var specialistIds = visit.Invitations.Select(i => i.SpecialistDoctorId).ToList();
            var specialists = await (
                from d in db.Doctors.AsNoTracking()
                join department in db.Departments.AsNoTracking() on d.DepartmentId equals department.Id
                join facility in db.Facilities.AsNoTracking() on department.FacilityId equals facility.Id
                where specialistIds.Contains(d.Id)
                select new SpecialistDto(d.Id, d.FullName, d.Title, d.TitleEn, department.Name, department.NameEn, facility.Name, facility.NameEn))
                .ToListAsync(cancellationToken);

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.Value.TimeZoneInfo).DateTime);
            var showNote = visit.Note is not null && (isClinician || visit.Status == VideoVisitStatus.Completed);
            var attending = (await appointments.FindAsync(visit.Id, cancellationToken))?.Attending;
            var followUp = showNote && visit.Note!.FollowUpAppointmentId is { } followUpId
                ? await appointments.FindAsync(followUpId, cancellationToken)
                : null;
            audit.Record("visit.read", "VideoVisit", visit.Id.ToString(), visit.PatientId, role.ToString());

            return new VideoVisitDto(
                visit.Id,
                visit.Status,
                role,
                visit.ScheduledStart,
                visit.ScheduledEnd,
                visit.CheckedInAt,
                visit.AdmittedAt,
                visit.EndedAt,
                new PatientSummary(patient.FullName, patient.AgeOn(today), patient.Sex, visit.PatientId),
                doctor,
                specialists,
                visit.ReferralReason is { } reason ? new ReferralDto(reason, visit.ReferralDetail, null) : null,
                showNote ? VisitNoteDto.From(visit.Note!) : null,
                followUp is null ? null : new VisitFollowUpDto(followUp.Id, followUp.Start, followUp.End, followUp.IsVideo ? VisitType.Video : VisitType.InPerson, followUp.Status),
                visit.Addenda.OrderBy(a => a.Sequence).Select(AddendumDto.From).ToList(),
                isClinician ? visit.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new VisitEventDto(e.At, e.Kind, e.ActorAccountId, e.Detail)).ToList() : [],
                attending,
                visit.Purpose,
                await GuestViews.RecordAsync(db, accounts, visit, cancellationToken),
                RecordingStatusDto.From(visit, currentUser.AccountId));
        }
    }
}

/// <param name="Id">The patient's id: the doctor's workspace opens the patient's imaging under it (issue 16).</param>
public sealed record PatientSummary(string Name, int Age, Sex Sex, Guid Id);

public sealed record VisitEventDto(DateTimeOffset At, string Kind, Guid? ActorAccountId, string? Detail);

/// <summary>The follow-up appointment ordered from the visit's note, as it stands now (e.g. <c>PendingPayment</c>, <c>Booked</c>).</summary>
public sealed record VisitFollowUpDto(Guid AppointmentId, DateTimeOffset Start, DateTimeOffset End, VisitType VisitType, string Status);

public sealed record VideoVisitDto(
    Guid Id,
    VideoVisitStatus Status,
    VisitRole MyRole,
    DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd,
    DateTimeOffset CheckedInAt,
    DateTimeOffset? AdmittedAt,
    DateTimeOffset? EndedAt,
    PatientSummary Patient,
    DoctorSummary Doctor,
    IReadOnlyList<SpecialistDto> Specialists,
    ReferralDto? Referral,
    VisitNoteDto? Note,
    VisitFollowUpDto? FollowUp,
    IReadOnlyList<AddendumDto> Addenda,
    IReadOnlyList<VisitEventDto> Trace,
    Attending? Attending = null,
    VisitPurpose Purpose = VisitPurpose.Appointment,
    IReadOnlyList<VisitGuestRecordDto>? Guests = null,
    RecordingStatusDto? Recording = null);
