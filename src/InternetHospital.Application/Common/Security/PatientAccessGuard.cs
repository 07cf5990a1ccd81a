using InternetHospital.Domain.Patients;
namespace InternetHospital.Application.Common.Security;

/// <summary>
/// Decides whether the signed-in account may act for a patient, for one scope of what it wants to do. Every
/// patient-facing use case asks this with the patient id from the request; a patient the account is not related to,
/// a scope it was not granted, a revoked grant, a proxy's end date or a guardian's child turning 18 all answer 404,
/// evaluated on each request (the daily job only records the end).
/// </summary>
public interface IPatientAccessGuard
{
    Task<ActingFor> EnsureCanActForAsync(Guid patientId, PatientScope scope, CancellationToken cancellationToken);

    /// <summary>The patients the signed-in account may act for today in <paramref name="scope"/>, its own record first.</summary>
    Task<IReadOnlyList<Guid>> PatientsOfCurrentAccountAsync(PatientScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The accounts that may act for the patient today in <paramref name="scope"/> (the patient's own first), evaluated
    /// as the guard evaluates a request: who is told about the patient's appointments, results, renewals or payments.
    /// </summary>
    Task<IReadOnlyList<PatientAccount>> AccountsActingForAsync(Guid patientId, PatientScope scope, CancellationToken cancellationToken);
}

/// <param name="IsSelf">The patient's own account (not a guardian's or a proxy's).</param>
public sealed record PatientAccount(Guid AccountId, bool IsSelf);

/// <summary>Who acts for whom: what booking and video visits record and check (a child under 6 needs the guardian present).</summary>
public sealed record ActingFor(Guid AccountId, Guid PatientId, PatientRelationship Relationship, FamilyRelation Relation, int PatientAge, bool GuardianMustAttend)
{
    /// <summary>How the doctor sees the attending person: <c>guardian</c> for a guardian, else the relation (<c>parent</c>, <c>spouse</c>, ...).</summary>
    public string AttendingRelation => Relationship == PatientRelationship.Guardian ? "guardian" : Relation.ToString().ToLowerInvariant();
}

internal sealed class PatientAccessGuard(IAppDbContext db, ICurrentUser currentUser, IOptions<FamilyOptions> family, IOptions<HospitalOptions> hospital, TimeProvider clock) : IPatientAccessGuard
{
    public async Task<ActingFor> EnsureCanActForAsync(Guid patientId, PatientScope scope, CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        var rows = await (
            from a in db.PatientAccesses
            join p in db.Patients on a.PatientId equals p.Id
            where a.AccountId == accountId && a.PatientId == patientId && a.RevokedAt == null
            select new { Access = a, p.DateOfBirth })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var today = Today(clock, hospital.Value);
        var bands = family.Value.Bands;
        foreach (var row in rows.OrderBy(r => r.Access.Relationship))
        {
            var age = AgeOn(row.DateOfBirth, today);
            if (row.Access.EffectiveScopes(age, today, bands).HasFlag(scope))
            {
                return new ActingFor(accountId, patientId, row.Access.Relationship, row.Access.Relation, age, age < bands.GuardianMustAttendUnder);
            }
        }

        throw new NotFoundException("Patient", patientId);
    }

    public async Task<IReadOnlyList<Guid>> PatientsOfCurrentAccountAsync(PatientScope scope, CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        return [.. (await LiveAccessesAsync(db.PatientAccesses.Where(a => a.AccountId == accountId), scope, cancellationToken))
            .OrderBy(a => a.Relationship)
            .Select(a => a.PatientId)
            .Distinct()];
    }

    public async Task<IReadOnlyList<PatientAccount>> AccountsActingForAsync(Guid patientId, PatientScope scope, CancellationToken cancellationToken)
    {
        return [.. (await LiveAccessesAsync(db.PatientAccesses.Where(a => a.PatientId == patientId), scope, cancellationToken))
            .OrderBy(a => a.Relationship)
            .GroupBy(a => a.AccountId)
            .Select(g => new PatientAccount(g.Key, g.Any(a => a.Relationship == PatientRelationship.Self)))];
    }

    /// <summary>The grants among <paramref name="accesses"/> not revoked that give <paramref name="scope"/> today (age bands, end dates).</summary>
    private async Task<List<PatientAccess>> LiveAccessesAsync(IQueryable<PatientAccess> accesses, PatientScope scope, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in accesses
            join p in db.Patients on a.PatientId equals p.Id
            where a.RevokedAt == null
            select new { Access = a, p.DateOfBirth })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var today = Today(clock, hospital.Value);
        return [.. rows
            .Where(r => r.Access.EffectiveScopes(AgeOn(r.DateOfBirth, today), today, family.Value.Bands).HasFlag(scope))
            .Select(r => r.Access)];
    }

    /// <summary>The hospital's calendar day now: ages and end dates turn over at local midnight, not UTC's.</summary>
    internal static DateOnly Today(TimeProvider clock, HospitalOptions hospital) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.TimeZoneInfo).DateTime);

    internal static int AgeOn(DateOnly dateOfBirth, DateOnly day) => Patient.AgeOf(dateOfBirth, day);
}
