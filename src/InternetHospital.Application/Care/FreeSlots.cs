using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Care;

/// <summary>Open, future slots that no live appointment holds.</summary>
internal static class FreeSlots
{
    public static IQueryable<Slot> Query(IAppDbContext db, DateTimeOffset now, VisitType? visitType)
    {
        var slots = db.Slots.AsNoTracking().Where(s => s.Status == SlotStatus.Open && s.Start > now && (s.ReferralHoldUntil == null || s.ReferralHoldUntil <= now) && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id));
        return visitType switch
        {
            VisitType.Video => slots.Where(s => s.OffersVideo),
            VisitType.InPerson => slots.Where(s => s.OffersInPerson),
            _ => slots,
        };
    }

    public static bool Offers(FreeSlotView slot, VisitType? visitType) => visitType switch
    {
        VisitType.Video => slot.OffersVideo,
        VisitType.InPerson => slot.OffersInPerson,
        _ => true,
    };

    /// <summary>The doctor's free slots from the availability cache, read from the database when it has none.</summary>
    public static ValueTask<DoctorAvailability> ForDoctorAsync(IAppDbContext db, IAvailabilityCache cache, Guid doctorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        cache.GetAsync(doctorId, async ct =>
        {
            if (!await db.Doctors.AnyAsync(d => d.Id == doctorId, ct))
            {
                return DoctorAvailability.NoSuchDoctor;
            }

            var slots = await Query(db, now, null)
                .Where(s => s.DoctorId == doctorId)
                .OrderBy(s => s.Start)
                .Select(s => new FreeSlotView(s.Id, s.Start, s.End, s.LocalDate, s.OffersInPerson, s.OffersVideo))
                .ToListAsync(ct);
            return new DoctorAvailability(true, slots);
        }, cancellationToken);
}
