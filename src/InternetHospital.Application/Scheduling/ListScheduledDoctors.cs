namespace InternetHospital.Application.Scheduling;

/// <summary>Doctors with a timetable, for the horizon job.</summary>
public sealed record ListScheduledDoctors : IQuery<IReadOnlyList<Guid>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListScheduledDoctors, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(ListScheduledDoctors query, CancellationToken cancellationToken) =>
            await db.ScheduleTemplates.Select(t => t.DoctorId).ToListAsync(cancellationToken);
    }
}
