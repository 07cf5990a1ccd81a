using System.Globalization;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// The medical-records office's list (病案室, domain rule 30): the recordings of visits held by doctors of the caller's own
/// institutions (their memberships), newest first, filtered by the day it was recorded (hospital time, both ends
/// included), the doctor's and the patient's name. Another institution's recordings are not listed (and do not play:
/// <see cref="RecordingAccess"/>). The search is audit-logged, since the list names whose media exists.
/// </summary>
public sealed record SearchVisitRecordings(DateOnly? From = null, DateOnly? To = null, string? Doctor = null, string? Patient = null)
    : IQuery<IReadOnlyList<RecordingSearchItem>>
{
    /// <summary>At most this many rows (the newest): a narrower filter finds older ones.</summary>
    public const int Limit = 200;

    public const int MaxDays = 366;

    public sealed class Validator : AbstractValidator<SearchVisitRecordings>
    {
        public Validator()
        {
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
            RuleFor(x => x.To).Must((x, to) => to!.Value.DayNumber - x.From!.Value.DayNumber < MaxDays)
                .When(x => x.From is not null && x.To is not null)
                .WithLocalizedMessage("period_too_long", MaxDays);
            RuleFor(x => x.Doctor).MaximumLength(50);
            RuleFor(x => x.Patient).MaximumLength(50);
        }
    }

    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit, IOptions<HospitalOptions> hospital)
        : IQueryHandler<SearchVisitRecordings, IReadOnlyList<RecordingSearchItem>>
    {
        public async ValueTask<IReadOnlyList<RecordingSearchItem>> Handle(SearchVisitRecordings query, CancellationToken cancellationToken)
        {
            var institutions = await scope.MyInstitutionsAsync(cancellationToken);
            var rows = from r in db.VisitRecordings.AsNoTracking()
                       join v in db.VideoVisits on r.VisitId equals v.Id
                       join d in db.Doctors on v.DoctorId equals d.Id
                       join dep in db.Departments on d.DepartmentId equals dep.Id
                       join p in db.Patients on v.PatientId equals p.Id
                       where institutions.Contains(dep.FacilityId)
                       select new { Recording = r, Visit = v, Doctor = d, Patient = p };

            var zone = hospital.Value.TimeZoneInfo;
            if (query.From is { } from)
            {
                var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone));
                rows = rows.Where(x => x.Recording.RecordedAt >= start);
            }

            if (query.To is { } to)
            {
                var end = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
                rows = rows.Where(x => x.Recording.RecordedAt < end);
            }

            if (!string.IsNullOrWhiteSpace(query.Doctor))
            {
                var doctor = query.Doctor.Trim();
                rows = rows.Where(x => x.Doctor.FullName.Contains(doctor));
            }

            if (!string.IsNullOrWhiteSpace(query.Patient))
            {
                var patient = query.Patient.Trim();
                rows = rows.Where(x => x.Patient.FullName.Contains(patient));
            }

            var found = await rows
                .OrderByDescending(x => x.Recording.RecordedAt).ThenBy(x => x.Recording.Participant)
                .Take(Limit)
                .Select(x => new RecordingSearchItem(
                    x.Recording.Id, x.Visit.Id, x.Visit.Purpose, x.Recording.Role, x.Recording.RecordedAt, x.Recording.DurationSeconds,
                    x.Recording.Size, x.Doctor.FullName, x.Patient.FullName))
                .ToListAsync(cancellationToken);

            audit.Record("visit.recordings.searched", "VisitRecording", null, null,
                string.Create(CultureInfo.InvariantCulture, $"medical_records from={query.From:yyyy-MM-dd} to={query.To:yyyy-MM-dd} doctor={query.Doctor} patient={query.Patient}: {found.Count} found"));
            return found;
        }
    }
}

public sealed record RecordingSearchItem(
    Guid Id,
    Guid VisitId,
    VisitPurpose Purpose,
    VisitRole? Role,
    DateTimeOffset RecordedAt,
    double DurationSeconds,
    long Size,
    string DoctorName,
    string PatientName);
