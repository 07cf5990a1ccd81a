using InternetHospital.Application.Scheduling;

namespace InternetHospital.Application.Administration;

/// <summary>One doctor's profile for editing.</summary>
public sealed record GetDoctorForAdmin(Guid DoctorId) : IQuery<DoctorAdminView>
{
    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<GetDoctorForAdmin, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(GetDoctorForAdmin query, CancellationToken cancellationToken) =>
            (await DoctorAdminView.QueryAsync(db, db.Doctors.Where(d => d.Id == query.DoctorId), SlotClock.Today(clock, hospital.Value), cancellationToken)).SingleOrDefault()
                ?? throw new NotFoundException("Doctor", query.DoctorId);
    }
}
