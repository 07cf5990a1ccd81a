using InternetHospital.Application.Scheduling;

namespace InternetHospital.Application.Administration;

/// <summary>Every doctor with the profile fields an admin manages.</summary>
public sealed record ListDoctorsForAdmin : IQuery<IReadOnlyList<DoctorAdminView>>
{
    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListDoctorsForAdmin, IReadOnlyList<DoctorAdminView>>
    {
        public async ValueTask<IReadOnlyList<DoctorAdminView>> Handle(ListDoctorsForAdmin query, CancellationToken cancellationToken) =>
            await DoctorAdminView.QueryAsync(db, db.Doctors, SlotClock.Today(clock, hospital.Value), cancellationToken);
    }
}
