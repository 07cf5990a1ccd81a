using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Care;

/// <summary>A doctor's free times over some days (the booking wizard's first step and rescheduling).</summary>
public sealed record ListFreeSlots(Guid DoctorId, DateOnly? From = null, int Days = 7, VisitType? VisitType = null) : IQuery<FreeSlotList>
{
    public sealed class Validator : AbstractValidator<ListFreeSlots>
    {
        public Validator()
        {
            RuleFor(x => x.Days).InclusiveBetween(1, 31);
            RuleFor(x => x.VisitType).IsInEnum().When(x => x.VisitType is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, IAvailabilityCache availability, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListFreeSlots, FreeSlotList>
    {
        public async ValueTask<FreeSlotList> Handle(ListFreeSlots query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var cached = await FreeSlots.ForDoctorAsync(db, availability, query.DoctorId, now, cancellationToken);
            if (!cached.DoctorExists)
            {
                throw new NotFoundException("Doctor", query.DoctorId);
            }

            var from = query.From ?? SlotClock.Today(clock, hospital.Value);
            var until = from.AddDays(query.Days);
            var slots = cached.FreeSlots
                .Where(s => s.Start > now && s.LocalDate >= from && s.LocalDate < until && FreeSlots.Offers(s, query.VisitType))
                .ToList();
            return new FreeSlotList(query.DoctorId, hospital.Value.TimeZone, from, query.Days, slots);
        }
    }
}

public sealed record FreeSlotList(Guid DoctorId, string TimeZone, DateOnly From, int Days, IReadOnlyList<FreeSlotView> Slots);
