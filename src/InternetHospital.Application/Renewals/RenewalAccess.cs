using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// Who may see and act on a renewal request (domain rule 15): the patient's own accounts; the doctors it is routed to
/// (family doctors, the original prescriber, or any doctor when nobody could be found) and the patient's family doctors;
/// pharmacists once a doctor has signed. Anyone else gets 404, never data.
/// </summary>
public interface IRenewalAccess
{
    /// <summary>The request of this patient, tracked, if the signed-in account may act for the patient.</summary>
    Task<RenewalRequest> ForPatientAsync(Guid patientId, Guid renewalId, CancellationToken cancellationToken, PatientScope scope = PatientScope.Medications);

    /// <summary>The signed-in doctor's profile (403 for an account without one).</summary>
    Task<Doctor> CurrentDoctorAsync(CancellationToken cancellationToken);

    /// <summary>The request, tracked, if the signed-in doctor is entitled to it; with the reason it reached them.</summary>
    Task<(RenewalRequest Request, Doctor Doctor)> ForDoctorAsync(Guid renewalId, CancellationToken cancellationToken);

    /// <summary>The request, tracked, once a doctor has signed a prescription for it (pharmacists see nothing before).</summary>
    Task<RenewalRequest> ForPharmacistAsync(Guid renewalId, CancellationToken cancellationToken);

    /// <summary>The signed-in pharmacist's open duty; decisions need one (422 <c>not_on_duty</c> otherwise).</summary>
    Task<PharmacistDuty> RequireOnDutyAsync(CancellationToken cancellationToken);
}

internal sealed class RenewalAccess(IAppDbContext db, ICurrentUser currentUser, IPatientAccessGuard guard, ICareRelationships care) : IRenewalAccess
{
    public async Task<RenewalRequest> ForPatientAsync(Guid patientId, Guid renewalId, CancellationToken cancellationToken, PatientScope scope)
    {
        await guard.EnsureCanActForAsync(patientId, scope, cancellationToken);
        return await db.RenewalRequests.WithEverything()
            .SingleOrDefaultAsync(r => r.Id == renewalId && r.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("Renewal request", renewalId);
    }

    public async Task<Doctor> CurrentDoctorAsync(CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        return await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.AccountId == accountId, cancellationToken)
            ?? throw new ForbiddenAccessException("not_a_doctor", "Only doctors with a profile can do this.");
    }

    public async Task<(RenewalRequest Request, Doctor Doctor)> ForDoctorAsync(Guid renewalId, CancellationToken cancellationToken)
    {
        var doctor = await CurrentDoctorAsync(cancellationToken);
        var request = await db.RenewalRequests.WithEverything().SingleOrDefaultAsync(r => r.Id == renewalId, cancellationToken);
        if (request is null || !(request.IsRoutedTo(doctor.Id) || await care.IsFamilyDoctorOfAsync(doctor.Id, request.PatientId, cancellationToken)))
        {
            throw new NotFoundException("Renewal request", renewalId);
        }

        return (request, doctor);
    }

    public async Task<RenewalRequest> ForPharmacistAsync(Guid renewalId, CancellationToken cancellationToken)
    {
        var request = await db.RenewalRequests.WithEverything().SingleOrDefaultAsync(r => r.Id == renewalId, cancellationToken);
        if (request is null || request.Prescriptions.Count == 0)
        {
            throw new NotFoundException("Renewal request", renewalId);
        }

        return request;
    }

    public async Task<PharmacistDuty> RequireOnDutyAsync(CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        return await db.PharmacistDuties.SingleOrDefaultAsync(d => d.OnDutyAccountId == accountId, cancellationToken)
            ?? throw new DomainRuleException("not_on_duty", "Go on duty before reviewing or dispensing prescriptions.");
    }
}

internal static class RenewalQueries
{
    /// <summary>The whole aggregate (one query per collection, so the rows do not multiply).</summary>
    public static IQueryable<RenewalRequest> WithEverything(this IQueryable<RenewalRequest> requests) => requests
        .Include(r => r.Items)
        .Include(r => r.Routing)
        .Include(r => r.Prescriptions).ThenInclude(p => p.Lines)
        .Include(r => r.Reviews)
        .Include(r => r.Events)
        .AsSplitQuery();
}
