namespace InternetHospital.Application.Common.Security;

/// <summary>
/// Decides whether the signed-in account may act for a patient. Every patient-facing use case asks this
/// with the patient id from the request; a patient the account is not related to answers 404.
/// </summary>
public interface IPatientAccessGuard
{
    Task EnsureCanActForAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>The patients the signed-in account may act for, its own record first.</summary>
    Task<IReadOnlyList<Guid>> PatientsOfCurrentAccountAsync(CancellationToken cancellationToken);
}

internal sealed class PatientAccessGuard(IAppDbContext db, ICurrentUser currentUser) : IPatientAccessGuard
{
    public async Task EnsureCanActForAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        var allowed = await db.PatientAccesses.AnyAsync(
            a => a.AccountId == accountId && a.PatientId == patientId && a.RevokedAt == null,
            cancellationToken);
        if (!allowed)
        {
            throw new NotFoundException("Patient", patientId);
        }
    }

    public async Task<IReadOnlyList<Guid>> PatientsOfCurrentAccountAsync(CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        return await db.PatientAccesses
            .Where(a => a.AccountId == accountId && a.RevokedAt == null)
            .OrderBy(a => a.Relationship)
            .Select(a => a.PatientId)
            .ToListAsync(cancellationToken);
    }
}
