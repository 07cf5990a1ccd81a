namespace InternetHospital.Application.Scheduling;

/// <summary>The doctor's current and future blocked periods.</summary>
public sealed record ListBlocks(Guid? DoctorId) : IQuery<IReadOnlyList<BlockView>>
{
    public sealed class Handler(IAppDbContext db, StaffAccess staff, TimeProvider clock) : IQueryHandler<ListBlocks, IReadOnlyList<BlockView>>
    {
        public async ValueTask<IReadOnlyList<BlockView>> Handle(ListBlocks query, CancellationToken cancellationToken)
        {
            var doctor = await staff.DoctorToActOnAsync(query.DoctorId, cancellationToken);
            var now = clock.GetUtcNow();
            var blocks = await db.BlockedPeriods.AsNoTracking().Where(b => b.DoctorId == doctor.Id && b.End > now).OrderBy(b => b.Start).ToListAsync(cancellationToken);
            return blocks.Select(BlockView.From).ToList();
        }
    }
}
