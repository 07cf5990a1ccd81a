using InternetHospital.Domain.Patients;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>Family-doctor rows loaded for one side of the care relationship; anybody else's answer 404.</summary>
internal static class FamilyRows
{
    /// <summary>A plan of a patient the signed-in doctor's team looks after now.</summary>
    public static Task<FollowUpPlan> PlanForCaringDoctorAsync(IAppDbContext db, IFamilyAccess access, Guid planId, CancellationToken cancellationToken) =>
        db.FollowUpPlans.Include(p => p.Tasks).SingleVisibleAsync(
            p => p.Id == planId, "Follow-up plan", planId, p => access.RequireCaringDoctorAsync(p.PatientId, cancellationToken), cancellationToken);

    /// <summary>A contract of a patient the signed-in account acts for.</summary>
    public static Task<FamilyContract> ContractForPatientAsync(IAppDbContext db, IPatientAccessGuard guard, Guid contractId, CancellationToken cancellationToken) =>
        db.FamilyContracts.Include(c => c.Events).SingleVisibleAsync(
            c => c.Id == contractId, "Contract", contractId, c => guard.EnsureCanActForAsync(c.PatientId, PatientScope.Appointments, cancellationToken), cancellationToken);
}
