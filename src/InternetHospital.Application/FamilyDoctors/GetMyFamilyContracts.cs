using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A patient's family-doctor contracts: the current one (pending or in force) first, then the history.</summary>
public sealed record GetMyFamilyContracts(Guid PatientId) : IQuery<PatientContracts>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetMyFamilyContracts, PatientContracts>
    {
        public async ValueTask<PatientContracts> Handle(GetMyFamilyContracts query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var all = await ContractViews.LoadAsync(db, db.FamilyContracts.Where(c => c.PatientId == query.PatientId), now, cancellationToken);
            var current = all.FirstOrDefault(c => c.Status == ContractStatus.Pending || c.InForce);
            audit.Record("family.contracts.read", nameof(FamilyContract), null, query.PatientId);
            return new PatientContracts(current, all.Where(c => c != current).ToList());
        }
    }
}

public sealed record PatientContracts(ContractView? Current, IReadOnlyList<ContractView> History);
