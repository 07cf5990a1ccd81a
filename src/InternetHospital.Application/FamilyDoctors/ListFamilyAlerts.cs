using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The open reading alerts of the signed-in doctor's teams, newest first (the red band on the panel).</summary>
public sealed record ListFamilyAlerts : IQuery<IReadOnlyList<AlertView>>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit) : IQueryHandler<ListFamilyAlerts, IReadOnlyList<AlertView>>
    {
        public async ValueTask<IReadOnlyList<AlertView>> Handle(ListFamilyAlerts query, CancellationToken cancellationToken)
        {
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var rows = await (from a in db.MeasurementAlerts
                              join m in db.HomeMeasurements on a.MeasurementId equals m.Id
                              join p in db.Patients on a.PatientId equals p.Id
                              where teams.Contains(a.TeamId) && a.AcknowledgedAt == null
                              orderby a.RaisedAt descending
                              select new { a, m, p.FullName })
                .AsNoTracking()
                .Take(100)
                .ToListAsync(cancellationToken);
            foreach (var patientId in rows.Select(r => r.a.PatientId).Distinct())
            {
                audit.Record("family.alerts.read", nameof(MeasurementAlert), null, patientId);
            }

            return rows.Select(r => new AlertView(r.a.Id, r.a.PatientId, r.FullName, MeasurementView.From(r.m), r.a.RaisedAt)).ToList();
        }
    }
}

public sealed record AlertView(Guid Id, Guid PatientId, string PatientName, MeasurementView Reading, DateTimeOffset RaisedAt);
