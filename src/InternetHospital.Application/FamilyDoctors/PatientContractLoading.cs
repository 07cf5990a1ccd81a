using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.FamilyDoctors;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

internal static class PatientContractLoading
{
    /// <summary>A contract of a patient the signed-in account acts for; anybody else's answers 404.</summary>
    public static Task<FamilyContract> LoadAsync(IAppDbContext db, IPatientAccessGuard guard, Guid contractId, CancellationToken cancellationToken) =>
        db.FamilyContracts.Include(c => c.Events).SingleVisibleAsync(
            c => c.Id == contractId, "Contract", contractId, c => guard.EnsureCanActForAsync(c.PatientId, cancellationToken), cancellationToken);
}
