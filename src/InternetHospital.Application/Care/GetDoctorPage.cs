using InternetHospital.Application.Doctors;
using InternetHospital.Application.Payments;
using InternetHospital.Application.Scheduling;

namespace InternetHospital.Application.Care;

/// <summary>A doctor's page: the profile with biography, and the next free times.</summary>
public sealed record GetDoctorPage(Guid DoctorId) : IQuery<DoctorPage>
{
    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, IOptions<PaymentOptions> payments, TimeProvider clock)
        : IQueryHandler<GetDoctorPage, DoctorPage>
    {
        public async ValueTask<DoctorPage> Handle(GetDoctorPage query, CancellationToken cancellationToken)
        {
            var row = await (
                from d in db.Doctors.AsNoTracking()
                join dep in db.Departments on d.DepartmentId equals dep.Id
                join f in db.Facilities on dep.FacilityId equals f.Id
                where d.Id == query.DoctorId
                select new { Doctor = d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), Facility = new FacilityRef(f.Id, f.Name, f.NameEn) })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor", query.DoctorId);
            var now = clock.GetUtcNow();
            var next = (await FreeSlots.ForDoctorAsync(db, availability, query.DoctorId, now, cancellationToken)).FreeSlots.Where(s => s.Start > now).Take(12).ToList();
            var card = DoctorCard.From(row.Doctor, row.Department, row.Facility, SlotClock.Today(clock, hospital.Value), next.FirstOrDefault()?.Start, next.Count);
            return new DoctorPage(card, row.Doctor.Bio, row.Doctor.BioEn, hospital.Value.TimeZone, payments.Value.Currency, next);
        }
    }
}

/// <param name="Currency">The fees' currency (the hospital's payment currency).</param>
public sealed record DoctorPage(DoctorCard Doctor, string Bio, string BioEn, string TimeZone, string Currency, IReadOnlyList<FreeSlotView> NextFreeSlots);
