using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

internal static class PatientContractLoading
{
    /// <summary>A contract of a patient the signed-in account acts for; anybody else's answers 404.</summary>
    public static async Task<FamilyContract> LoadAsync(IAppDbContext db, IPatientAccessGuard guard, Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await db.FamilyContracts.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == contractId, cancellationToken)
            ?? throw new NotFoundException("Contract", contractId);
        try
        {
            await guard.EnsureCanActForAsync(contract.PatientId, PatientScope.Appointments, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Contract", contractId);
        }

        return contract;
    }
}
