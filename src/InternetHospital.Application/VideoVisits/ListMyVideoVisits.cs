using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The video visits of the patients the signed-in account acts for: from yesterday to two weeks ahead, with where each
/// stands (not checked in, waiting, in the call, completed), so the patient finds the way to the waiting room. Each
/// visit names its patient: an account acting for a child or a parent sees several people's visits in one list.
/// </summary>
public sealed record ListMyVideoVisits : IQuery<IReadOnlyList<MyVideoVisit>>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IVisitAppointments appointments, TimeProvider clock)
        : IQueryHandler<ListMyVideoVisits, IReadOnlyList<MyVideoVisit>>
    {
        public async ValueTask<IReadOnlyList<MyVideoVisit>> Handle(ListMyVideoVisits query, CancellationToken cancellationToken)
        {
            var patients = await guard.PatientsOfCurrentAccountAsync(PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var booked = await appointments.VideoAppointmentsOfPatientsAsync(patients, now.AddDays(-1), now.AddDays(14), cancellationToken);
            var ids = booked.Select(a => a.Id).ToList();
            var doctorIds = booked.Select(a => a.DoctorId).Distinct().ToList();
            var visits = await db.VideoVisits.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Status, cancellationToken);
            var doctors = await DoctorSummary.Query(db, d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.DoctorId, cancellationToken);
            var patientIds = booked.Select(a => a.PatientId).Distinct().ToList();
            var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
            return booked
                .OrderBy(a => a.Start)
                .Select(a => new MyVideoVisit(a.Id, a.Start, a.End, doctors[a.DoctorId], a.Status, visits.TryGetValue(a.Id, out var status) ? status : null, a.PatientId, names[a.PatientId]))
                .ToList();
        }
    }
}

/// <param name="PatientName">Whose visit it is (the person switcher's name), so a guardian does not join the wrong child's call.</param>
public sealed record MyVideoVisit(Guid VisitId, DateTimeOffset Start, DateTimeOffset End, DoctorSummary Doctor, string AppointmentStatus, VideoVisitStatus? VisitStatus, Guid PatientId, string PatientName);
