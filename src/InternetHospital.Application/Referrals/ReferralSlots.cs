using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Referrals;

/// <summary>The reserved referral slots of a department that nobody holds yet (what a referral proposes and books).</summary>
internal static class ReferralSlots
{
    /// <param name="slotId">Only this slot (whether it is one of them), or all of them.</param>
    public static IQueryable<ReferralSlotView> Free(IAppDbContext db, Guid departmentId, DateTimeOffset now, Guid? slotId = null) =>
        from s in db.Slots.AsNoTracking()
        join d in db.Doctors on s.DoctorId equals d.Id
        where s.DepartmentId == departmentId && s.Status == SlotStatus.Open && s.OffersInPerson && s.Start > now && s.ReferralHoldUntil != null
            && (slotId == null || s.Id == slotId)
            && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id)
        orderby s.Start
        select new ReferralSlotView(s.Id, s.Start, s.End, d.Id, d.FullName);

    /// <summary>A free reserved slot of the department; 422 <c>referral_slot_not_reserved</c> for any other slot.</summary>
    public static async Task<ReferralSlotView> RequireFreeAsync(IAppDbContext db, Guid departmentId, Guid slotId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Free(db, departmentId, now, slotId).SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainRuleException("referral_slot_not_reserved", "Choose a free reserved referral time of the receiving department.");
}
