namespace InternetHospital.Application.Care;

/// <summary>
/// What one doctor offers, as slot search and doctor cards read it: whether the doctor exists and every free slot
/// (open, held by no appointment, in the future when it was read), in time order. Readers filter it by the current
/// time, day and visit type.
/// </summary>
public sealed record DoctorAvailability(bool DoctorExists, IReadOnlyList<FreeSlotView> FreeSlots)
{
    public static readonly DoctorAvailability NoSuchDoctor = new(false, []);
}

/// <summary>
/// The hottest reads at release hour (slot lists, doctor cards) served from memory. Every save that adds, changes or
/// removes a slot, an appointment's hold on a slot, or a doctor invalidates that doctor's entry (the persistence layer
/// does it after the save, so no use case can forget), on every instance when Redis is configured. A stale entry may
/// show a taken slot for a moment, never book it: booking decides by the database's unique index.
/// </summary>
public interface IAvailabilityCache
{
    ValueTask<DoctorAvailability> GetAsync(Guid doctorId, Func<CancellationToken, Task<DoctorAvailability>> load, CancellationToken cancellationToken);

    void Invalidate(IReadOnlyCollection<Guid> doctorIds);
}
