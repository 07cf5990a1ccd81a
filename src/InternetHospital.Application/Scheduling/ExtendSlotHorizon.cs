namespace InternetHospital.Application.Scheduling;

/// <summary>
/// Moves every doctor's slot horizon on (the daily background job). Safe on several instances at once: the unique
/// (doctor, start) index refuses duplicates, and the next run fills whatever a refused save left out.
/// </summary>
public sealed record ExtendSlotHorizon(Guid DoctorId) : ICommand<SlotPlanResult>
{
    public sealed class Handler(IAppDbContext db, SlotPlanner planner) : ICommandHandler<ExtendSlotHorizon, SlotPlanResult>
    {
        public async ValueTask<SlotPlanResult> Handle(ExtendSlotHorizon command, CancellationToken cancellationToken)
        {
            var doctor = await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            var template = await db.ScheduleTemplates.AsNoTracking().Include(t => t.Sessions).SingleOrDefaultAsync(t => t.DoctorId == doctor.Id, cancellationToken);
            var result = await planner.PlanAsync(doctor, template, cancellationToken);
            return result;
        }
    }
}
