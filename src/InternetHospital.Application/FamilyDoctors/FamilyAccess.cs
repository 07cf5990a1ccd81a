using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// Who may see and do what in the family-doctor feature (domain rule 15). A patient acts for their own record through
/// <see cref="IPatientAccessGuard"/>; a doctor sees a patient only while the patient's contract with one of the
/// doctor's teams is in force. Anything else answers 404, never data.
/// </summary>
public interface IFamilyAccess
{
    /// <summary>The signed-in doctor's profile; 404 for callers without one.</summary>
    Task<Doctor> CurrentDoctorAsync(CancellationToken cancellationToken);

    /// <summary>The teams the signed-in doctor belongs to (empty for a doctor in none).</summary>
    Task<IReadOnlyList<Guid>> CurrentDoctorTeamIdsAsync(CancellationToken cancellationToken);

    /// <summary>The patient's contract in force with one of the signed-in doctor's teams; 404 otherwise.</summary>
    Task<(Doctor Doctor, FamilyContract Contract)> RequireCaringDoctorAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>
    /// The thread and the caller's side in it: the patient (or whoever acts for them) or a member of the thread's team
    /// (who keeps read access to the team's past conversations). 404 for everybody else.
    /// </summary>
    Task<ThreadAccess> RequireThreadAsync(Guid threadId, CancellationToken cancellationToken);

    /// <summary>The patient's contract in force right now, if any.</summary>
    Task<FamilyContract?> ActiveContractAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>The accounts that act for a patient (they receive the patient side's messages and notices).</summary>
    Task<IReadOnlyList<Guid>> PatientAccountsAsync(Guid patientId, CancellationToken cancellationToken);

    /// <summary>The accounts of a team's doctors (they receive the team side's alerts, messages and notices).</summary>
    Task<IReadOnlyList<Guid>> TeamAccountsAsync(Guid teamId, CancellationToken cancellationToken);

    /// <summary>Today in the hospital's time zone (what "due" and "overdue" are measured against).</summary>
    DateOnly Today();
}

public sealed record ThreadAccess(MessageThread Thread, MessageSide Side, Guid AccountId, Guid? DoctorId);

internal sealed class FamilyAccess(
    IAppDbContext db,
    ICurrentUser currentUser,
    IPatientAccessGuard patients,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock) : IFamilyAccess
{
    private Doctor? doctor;
    private IReadOnlyList<Guid>? teamIds;

    public async Task<Doctor> CurrentDoctorAsync(CancellationToken cancellationToken)
    {
        if (doctor is not null)
        {
            return doctor;
        }

        var accountId = currentUser.RequireAccountId();
        doctor = currentUser.IsInRole(Roles.Doctor)
            ? await db.Doctors.AsNoTracking().SingleOrDefaultAsync(d => d.AccountId == accountId, cancellationToken)
            : null;
        return doctor ?? throw new NotFoundException("Doctor profile");
    }

    public async Task<IReadOnlyList<Guid>> CurrentDoctorTeamIdsAsync(CancellationToken cancellationToken)
    {
        if (teamIds is not null)
        {
            return teamIds;
        }

        var me = await CurrentDoctorAsync(cancellationToken);
        teamIds = await db.FamilyTeamMembers.Where(m => m.DoctorId == me.Id).Select(m => m.TeamId).ToListAsync(cancellationToken);
        return teamIds;
    }

    public async Task<(Doctor Doctor, FamilyContract Contract)> RequireCaringDoctorAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var me = await CurrentDoctorAsync(cancellationToken);
        var teams = await CurrentDoctorTeamIdsAsync(cancellationToken);
        var contract = await ActiveContractAsync(patientId, cancellationToken);
        if (contract is null || !teams.Contains(contract.TeamId))
        {
            throw new NotFoundException("Patient", patientId);
        }

        return (me, contract);
    }

    public async Task<ThreadAccess> RequireThreadAsync(Guid threadId, CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        var thread = await db.MessageThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken)
            ?? throw new NotFoundException("Conversation", threadId);
        if (currentUser.IsInRole(Roles.Doctor))
        {
            var teams = await CurrentDoctorTeamIdsAsync(cancellationToken);
            if (!teams.Contains(thread.TeamId))
            {
                throw new NotFoundException("Conversation", threadId);
            }

            return new ThreadAccess(thread, MessageSide.Team, accountId, (await CurrentDoctorAsync(cancellationToken)).Id);
        }

        // Note: say "no such conversation", not "no such patient": the id asked for was the thread's.
        await HiddenRows.AsNotFoundAsync("Conversation", threadId, () => patients.EnsureCanActForAsync(thread.PatientId, PatientScope.Messages, cancellationToken));

        return new ThreadAccess(thread, MessageSide.Patient, accountId, null);
    }

    public async Task<FamilyContract?> ActiveContractAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.FamilyContracts
            .Where(c => c.PatientId == patientId && c.Status == ContractStatus.Active && c.EndsAt > now)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> PatientAccountsAsync(Guid patientId, CancellationToken cancellationToken) =>
        await db.PatientAccesses.Where(a => a.PatientId == patientId && a.RevokedAt == null).Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> TeamAccountsAsync(Guid teamId, CancellationToken cancellationToken) =>
        await (from member in db.FamilyTeamMembers
               join d in db.Doctors on member.DoctorId equals d.Id
               where member.TeamId == teamId
               orderby member.Role
               select d.AccountId).ToListAsync(cancellationToken);

    public DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.Value.TimeZoneInfo).DateTime);
}

/// <summary>
/// The contract-based answer to "who are this patient's family doctors" (replaces the placeholder that said nobody):
/// the members of the team whose contract with the patient is in force, the lead first.
/// </summary>
internal sealed class ContractCareRelationships(IAppDbContext db, TimeProvider clock) : ICareRelationships
{
    public async Task<IReadOnlyList<Guid>> FamilyDoctorsOfAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await (from contract in db.FamilyContracts
                      join member in db.FamilyTeamMembers on contract.TeamId equals member.TeamId
                      where contract.PatientId == patientId && contract.Status == ContractStatus.Active && contract.EndsAt > now
                      orderby member.Role
                      select member.DoctorId).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsFamilyDoctorOfAsync(Guid doctorId, Guid patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await (from contract in db.FamilyContracts
                      join member in db.FamilyTeamMembers on contract.TeamId equals member.TeamId
                      where contract.PatientId == patientId && contract.Status == ContractStatus.Active && contract.EndsAt > now && member.DoctorId == doctorId
                      select member).AnyAsync(cancellationToken);
    }
}
