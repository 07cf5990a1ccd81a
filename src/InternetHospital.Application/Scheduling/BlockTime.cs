using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// A doctor (or an admin for a doctor) blocks time: leave, a meeting. Free slots inside it stop being offered;
/// booked ones stay and are reported, so the doctor can decide (cancel the session, or see the patients).
/// Times are local wall-clock times in the hospital's zone.
/// </summary>
public sealed record BlockTime(Guid? DoctorId, DateOnly StartDate, TimeOnly StartTime, DateOnly EndDate, TimeOnly EndTime, string Reason) : ICommand<BlockResult>
{
    public sealed class Validator : AbstractValidator<BlockTime>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
            RuleFor(x => x.EndDate).GreaterThanOrEqualTo(x => x.StartDate);
            RuleFor(x => x.EndDate).Must((x, end) => end.DayNumber - x.StartDate.DayNumber <= 366).WithLocalizedMessage("block_too_long");
        }
    }

    public sealed class Handler(IAppDbContext db, StaffAccess staff, ICurrentUser currentUser, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock)
        : ICommandHandler<BlockTime, BlockResult>
    {
        public async ValueTask<BlockResult> Handle(BlockTime command, CancellationToken cancellationToken)
        {
            var doctor = await staff.DoctorToActOnAsync(command.DoctorId, cancellationToken);
            var zone = hospital.Value.TimeZoneInfo;
            var start = SlotGenerator.ToUtc(command.StartDate.ToDateTime(command.StartTime), zone) ?? throw InvalidTime("startTime");
            var end = SlotGenerator.ToUtc(command.EndDate.ToDateTime(command.EndTime), zone) ?? throw InvalidTime("endTime");
            var now = clock.GetUtcNow();
            var block = BlockedPeriod.Create(doctor.Id, start, end, command.Reason, currentUser.AccountId, now);
            db.BlockedPeriods.Add(block);

            var slots = await db.Slots.Where(s => s.DoctorId == doctor.Id && s.Start < end && s.End > start && s.Start > now).ToListAsync(cancellationToken);
            var slotIds = slots.Select(s => s.Id).ToList();
            var occupied = (await db.Appointments.Where(a => a.OccupiedSlotId != null && slotIds.Contains(a.OccupiedSlotId.Value)).Select(a => a.OccupiedSlotId!.Value).ToListAsync(cancellationToken)).ToHashSet();
            var blocked = 0;
            foreach (var slot in slots.Where(s => !occupied.Contains(s.Id) && s.Status == SlotStatus.Open))
            {
                slot.Block(block.Id);
                blocked++;
            }

            audit.Record("schedule.time_blocked", nameof(BlockedPeriod), block.Id.ToString(), null);
            return new BlockResult(BlockView.From(block), blocked, occupied.Count);
        }

        private static ValidationException InvalidTime(string field) =>
            new([ValidationMessages.Failure(field, "local_time_skipped")]);
    }
}

/// <param name="BookedInside">Booked appointments inside the block, left as they are.</param>
public sealed record BlockResult(BlockView Block, int SlotsBlocked, int BookedInside);
