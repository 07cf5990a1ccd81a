using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.FamilyDoctors;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.FamilyDoctors;

internal static class FollowUpLoading
{
    /// <summary>A plan of a patient the signed-in doctor's team looks after now; 404 for anyone else.</summary>
    public static async Task<FollowUpPlan> PlanAsync(IAppDbContext db, IFamilyAccess access, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await db.FollowUpPlans.Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("Follow-up plan", planId);
        try
        {
            await access.RequireCaringDoctorAsync(plan.PatientId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Follow-up plan", planId);
        }

        return plan;
    }
}
