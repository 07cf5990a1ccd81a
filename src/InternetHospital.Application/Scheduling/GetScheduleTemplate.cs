namespace InternetHospital.Application.Scheduling;

/// <summary>A doctor's weekly timetable (admin). Times are the hospital's local wall-clock times.</summary>
public sealed record GetScheduleTemplate(Guid DoctorId) : IQuery<ScheduleTemplateView>
{
    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital) : IQueryHandler<GetScheduleTemplate, ScheduleTemplateView>
    {
        public async ValueTask<ScheduleTemplateView> Handle(GetScheduleTemplate query, CancellationToken cancellationToken)
        {
            if (!await db.Doctors.AnyAsync(d => d.Id == query.DoctorId, cancellationToken))
            {
                throw new NotFoundException("Doctor", query.DoctorId);
            }

            var template = await db.ScheduleTemplates.AsNoTracking().Include(t => t.Sessions).SingleOrDefaultAsync(t => t.DoctorId == query.DoctorId, cancellationToken);
            return ScheduleTemplateView.From(query.DoctorId, template, hospital.Value.TimeZone);
        }
    }
}
