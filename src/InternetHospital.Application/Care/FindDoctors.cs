using InternetHospital.Application.Doctors;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Care;

/// <summary>
/// Find care: doctors by department, name, day, visit type and language, those with the earliest free time first
/// (doctors with nothing free come last). Free = an open slot in the future no appointment holds.
/// </summary>
public sealed record FindDoctors(Guid? DepartmentId = null, string? Name = null, DateOnly? Date = null, VisitType? VisitType = null, string? Language = null) : IQuery<IReadOnlyList<DoctorCard>>
{
    public sealed class Validator : AbstractValidator<FindDoctors>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MaximumLength(50);
            RuleFor(x => x.VisitType).IsInEnum().When(x => x.VisitType is not null);
            RuleFor(x => x.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").When(x => !string.IsNullOrEmpty(x.Language));
        }
    }

    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<FindDoctors, IReadOnlyList<DoctorCard>>
    {
        public async ValueTask<IReadOnlyList<DoctorCard>> Handle(FindDoctors query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var doctors = db.Doctors.AsNoTracking();
            if (query.DepartmentId is { } departmentId)
            {
                doctors = doctors.Where(d => d.DepartmentId == departmentId);
            }

            if (!string.IsNullOrWhiteSpace(query.Name))
            {
                var name = query.Name.Trim();
                doctors = doctors.Where(d => d.FullName.Contains(name));
            }

            if (!string.IsNullOrWhiteSpace(query.Language))
            {
                var language = query.Language.Trim();
                doctors = doctors.Where(d => d.Languages.Contains(language));
            }

            if (query.VisitType == Domain.Hospital.VisitType.Video)
            {
                doctors = doctors.Where(d => d.OffersVideoVisits);
            }

            var rows = await (
                from d in doctors
                join dep in db.Departments on d.DepartmentId equals dep.Id
                join f in db.Facilities on dep.FacilityId equals f.Id
                select new { Doctor = d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), Facility = new FacilityRef(f.Id, f.Name, f.NameEn) })
                .ToListAsync(cancellationToken);

            // Note: each doctor's free time comes from the availability cache (one query per doctor only when cold).
            var next = new Dictionary<Guid, (DateTimeOffset Next, int Count)>();
            foreach (var row in rows)
            {
                var free = (await FreeSlots.ForDoctorAsync(db, availability, row.Doctor.Id, now, cancellationToken)).FreeSlots
                    .Where(s => s.Start > now && FreeSlots.Offers(s, query.VisitType) && (query.Date is not { } date || s.LocalDate == date))
                    .ToList();
                if (free.Count > 0)
                {
                    next[row.Doctor.Id] = (free[0].Start, free.Count);
                }
            }

            var today = SlotClock.Today(clock, hospital.Value);

            // Note: a day filter means "free on that day"; without it, doctors with nothing free are listed last.
            return rows
                .Select(r => (Row: r, Next: next.TryGetValue(r.Doctor.Id, out var n) ? n.Next : (DateTimeOffset?)null, Count: n.Count))
                .Where(r => query.Date is null || r.Next is not null)
                .OrderBy(r => r.Next is null).ThenBy(r => r.Next).ThenBy(r => r.Row.Doctor.FullName, NameOrder.Comparer)
                .Select(r => DoctorCard.From(r.Row.Doctor, r.Row.Department, r.Row.Facility, today, r.Next, r.Count))
                .ToList();
        }
    }
}
