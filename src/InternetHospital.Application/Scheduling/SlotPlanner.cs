using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// Keeps a doctor's future slots in step with their timetable, <see cref="ScheduleOptions.HorizonWeeks"/> ahead:
/// adds missing slots, reshapes or retires free ones that no longer fit, and never touches a slot an appointment
/// holds (nor slots of cancelled sessions). Blocked periods apply to new slots too. Idempotent; run after every
/// template change and daily to move the horizon on.
/// </summary>
public sealed class SlotPlanner(IAppDbContext db, IOptions<ScheduleOptions> schedule, IOptions<HospitalOptions> hospital, TimeProvider clock)
{
    public async Task<SlotPlanResult> PlanAsync(Doctor doctor, ScheduleTemplate? template, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = hospital.Value.TimeZoneInfo;
        var today = SlotGenerator.LocalDate(now, zone);
        var until = today.AddDays(7 * schedule.Value.HorizonWeeks);
        var planned = template is null
            ? []
            : SlotGenerator.Plan(template.Plans(), today, until, zone).Where(p => p.Start > now).ToList();

        var existing = await db.Slots.Where(s => s.DoctorId == doctor.Id && s.Start > now).ToListAsync(cancellationToken);
        var occupied = (await db.Appointments
                .Where(a => a.DoctorId == doctor.Id && a.OccupiedSlotId != null && a.Start > now)
                .Select(a => a.OccupiedSlotId!.Value)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var blocks = await db.BlockedPeriods.AsNoTracking().Where(b => b.DoctorId == doctor.Id && b.End > now).ToListAsync(cancellationToken);
        var byStart = existing.ToDictionary(s => s.Start);
        var booked = existing.Where(s => occupied.Contains(s.Id)).ToList();
        var kept = new HashSet<Guid>();
        int created = 0, reshaped = 0, retired = 0;

        foreach (var plan in planned)
        {
            if (byStart.TryGetValue(plan.Start, out var slot))
            {
                kept.Add(slot.Id);
                if (slot.Status == SlotStatus.Cancelled || occupied.Contains(slot.Id))
                {
                    continue;
                }

                if (slot.End != plan.End || slot.OffersInPerson != plan.InPerson || slot.OffersVideo != plan.Video || slot.SessionId != plan.SessionId || slot.Status == SlotStatus.Retired)
                {
                    slot.Reshape(plan);
                    reshaped++;
                }

                ApplyBlocks(slot, blocks);
                continue;
            }

            if (booked.Any(b => b.Overlaps(plan.Start, plan.End)))
            {
                continue;
            }

            var added = Slot.Create(doctor.Id, doctor.DepartmentId, plan);
            ApplyBlocks(added, blocks);
            db.Slots.Add(added);
            created++;
        }

        foreach (var slot in existing.Where(s => !kept.Contains(s.Id) && !occupied.Contains(s.Id) && s.Status is SlotStatus.Open or SlotStatus.Blocked))
        {
            slot.Retire();
            retired++;
        }

        return new SlotPlanResult(created, reshaped, retired, booked.Count);
    }

    private static void ApplyBlocks(Slot slot, IEnumerable<BlockedPeriod> blocks)
    {
        var block = blocks.FirstOrDefault(b => b.Covers(slot.Start, slot.End));
        if (block is not null)
        {
            slot.Block(block.Id);
        }
    }
}

/// <param name="BookedKept">Future slots left exactly as they were because an appointment holds them.</param>
public sealed record SlotPlanResult(int Created, int Reshaped, int Retired, int BookedKept);
