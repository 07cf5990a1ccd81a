using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Referrals;

/// <summary>Admin: a department's open, untaken slots over some days, with which are held back for referrals.</summary>
public sealed record ListDepartmentReferralSlots(Guid DepartmentId, DateOnly? From = null, int Days = 14) : IQuery<IReadOnlyList<DepartmentSlotView>>
{
    public sealed class Validator : AbstractValidator<ListDepartmentReferralSlots>
    {
        public Validator() => RuleFor(x => x.Days).InclusiveBetween(1, 31);
    }

    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListDepartmentReferralSlots, IReadOnlyList<DepartmentSlotView>>
    {
        public async ValueTask<IReadOnlyList<DepartmentSlotView>> Handle(ListDepartmentReferralSlots query, CancellationToken cancellationToken)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == query.DepartmentId, cancellationToken))
            {
                throw new NotFoundException("Department", query.DepartmentId);
            }

            var now = clock.GetUtcNow();
            var first = query.From ?? SlotClock.Today(clock, hospital.Value);
            var until = first.AddDays(query.Days);
            return await (from s in db.Slots.AsNoTracking()
                          join d in db.Doctors on s.DoctorId equals d.Id
                          where s.DepartmentId == query.DepartmentId && s.Status == SlotStatus.Open && s.OffersInPerson && s.Start > now
                              && s.LocalDate >= first && s.LocalDate < until && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id)
                          orderby s.Start
                          select new DepartmentSlotView(s.Id, s.Start, s.End, d.FullName, s.ReferralHoldUntil != null, s.ReferralHoldUntil))
                .Take(500)
                .ToListAsync(cancellationToken);
        }
    }
}

/// <param name="HeldUntil">When a reserved slot goes back to public booking.</param>
public sealed record DepartmentSlotView(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string DoctorName, bool Reserved, DateTimeOffset? HeldUntil);
