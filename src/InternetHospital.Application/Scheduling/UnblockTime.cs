using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

/// <summary>Lifts a block: its slots are offered again (unless cancelled or retired meanwhile).</summary>
public sealed record UnblockTime(Guid? DoctorId, Guid BlockId) : ICommand
{
    public sealed class Handler(IAppDbContext db, StaffAccess staff, IAuditLog audit) : ICommandHandler<UnblockTime>
    {
        public async ValueTask<Unit> Handle(UnblockTime command, CancellationToken cancellationToken)
        {
            var doctor = await staff.DoctorToActOnAsync(command.DoctorId, cancellationToken);
            var block = await db.BlockedPeriods.SingleOrDefaultAsync(b => b.Id == command.BlockId && b.DoctorId == doctor.Id, cancellationToken)
                ?? throw new NotFoundException("Blocked period", command.BlockId);
            var slots = await db.Slots.Where(s => s.BlockedPeriodId == block.Id).ToListAsync(cancellationToken);
            foreach (var slot in slots)
            {
                slot.Unblock(block.Id);
            }

            db.BlockedPeriods.Remove(block);
            audit.Record("schedule.time_unblocked", nameof(BlockedPeriod), block.Id.ToString(), null);
            return Unit.Value;
        }
    }
}
