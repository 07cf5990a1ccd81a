using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.FamilyDoctors;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

internal static class FollowUpLoading
{
    /// <summary>A plan of a patient the signed-in doctor's team looks after now; 404 for anyone else.</summary>
    public static Task<FollowUpPlan> PlanAsync(IAppDbContext db, IFamilyAccess access, Guid planId, CancellationToken cancellationToken) =>
        db.FollowUpPlans.Include(p => p.Tasks).SingleVisibleAsync(
            p => p.Id == planId, "Follow-up plan", planId, p => access.RequireCaringDoctorAsync(p.PatientId, cancellationToken), cancellationToken);
}
