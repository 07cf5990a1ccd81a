using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Waitlist;

/// <summary>The patient's waitlist entries for today and later.</summary>
public sealed record ListWaitlist(Guid PatientId) : IQuery<IReadOnlyList<WaitlistView>>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListWaitlist, IReadOnlyList<WaitlistView>>
    {
        public async ValueTask<IReadOnlyList<WaitlistView>> Handle(ListWaitlist query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var today = SlotClock.Today(clock, hospital.Value);
            return await WaitlistView.QueryAsync(
                db,
                db.WaitlistEntries.Where(w => w.PatientId == query.PatientId && w.Date >= today && w.Status != WaitlistStatus.Left),
                hospital.Value,
                cancellationToken);
        }
    }
}
