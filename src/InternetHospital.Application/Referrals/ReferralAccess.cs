using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>The signed-in doctor with the institution they work at (a doctor's institution is their department's facility).</summary>
public sealed record ReferringDoctor(Doctor Doctor, Guid FacilityId, FacilityKind FacilityKind, IReadOnlyList<Guid> TeamIds);

/// <summary>
/// Who sees and moves a referral (domain rules 15 and 26). Doctors of the sending and of the receiving institution see
/// it; the receiving department's doctors (up) or the receiving team's members (down) decide on it; the sending doctor
/// cancels it. Every doctor's read is audit-logged with both institutions, since it crosses them. Anyone else: 404.
/// </summary>
public sealed class ReferralAccess(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock)
{
    private ReferringDoctor? me;

    public async Task<ReferringDoctor> CurrentDoctorAsync(CancellationToken cancellationToken)
    {
        if (me is not null)
        {
            return me;
        }

        var accountId = currentUser.RequireAccountId();
        var found = (currentUser.IsInRole(Roles.Doctor)
            ? await (from d in db.Doctors.AsNoTracking()
                     join dep in db.Departments on d.DepartmentId equals dep.Id
                     join f in db.Facilities on dep.FacilityId equals f.Id
                     where d.AccountId == accountId
                     select new { Doctor = d, FacilityId = f.Id, f.Kind }).SingleOrDefaultAsync(cancellationToken)
            : null) ?? throw new NotFoundException("Doctor profile");

        var teams = await db.FamilyTeamMembers.Where(m => m.DoctorId == found.Doctor.Id).Select(m => m.TeamId).ToListAsync(cancellationToken);
        me = new ReferringDoctor(found.Doctor, found.FacilityId, found.Kind, teams);
        return me;
    }

    /// <summary>Referrals the doctor's institution sent or received (the list filters further).</summary>
    public IQueryable<Referral> VisibleTo(ReferringDoctor doctor) =>
        db.Referrals.Where(r => r.FromFacilityId == doctor.FacilityId || r.ToFacilityId == doctor.FacilityId);

    /// <summary>The referral for a doctor of either institution (tracked, with its children); 404 otherwise.</summary>
    public async Task<(Referral Referral, ReferringDoctor Doctor)> RequireForDoctorAsync(Guid referralId, CancellationToken cancellationToken)
    {
        var doctor = await CurrentDoctorAsync(cancellationToken);
        var referral = await VisibleTo(doctor)
            .Include(r => r.Events).Include(r => r.Attachments).Include(r => r.Medicines).Include(r => r.Tasks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken) ?? throw new NotFoundException("Referral", referralId);
        return (referral, doctor);
    }

    /// <summary>Whether the doctor decides on it: a doctor of the receiving department (up) or a member of the receiving team (down).</summary>
    public static bool IsReceiver(Referral referral, ReferringDoctor doctor) => referral.Direction == ReferralDirection.Up
        ? referral.ToDepartmentId == doctor.Doctor.DepartmentId
        : referral.ToTeamId is { } team && doctor.TeamIds.Contains(team);

    /// <summary>A doctor of the institution who may only read it asks to act: 403, nothing changes.</summary>
    public static void EnsureReceiver(Referral referral, ReferringDoctor doctor)
    {
        if (!IsReceiver(referral, doctor))
        {
            throw new ForbiddenAccessException("not_referral_receiver", "Only the receiving department's doctors or the receiving team decide on this referral.");
        }
    }

    public static void EnsureSender(Referral referral, ReferringDoctor doctor)
    {
        if (referral.FromDoctorId != doctor.Doctor.Id)
        {
            throw new ForbiddenAccessException("not_referral_sender", "Only the referring doctor withdraws a referral.");
        }
    }

    /// <summary>Domain rule 26: a read across institutions names both.</summary>
    public void AuditRead(Referral referral, string action = "referral.read") =>
        audit.Record(action, nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");

    /// <summary>
    /// The doctor looks after this patient: a live family-doctor contract with one of the doctor's teams, or an
    /// appointment with the doctor that was not cancelled. Otherwise the patient is not theirs to refer (404).
    /// </summary>
    public async Task EnsureTreatsAsync(ReferringDoctor doctor, Guid patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var teams = doctor.TeamIds;
        var treats = await db.FamilyContracts.AnyAsync(c => c.PatientId == patientId && teams.Contains(c.TeamId) && c.Status == ContractStatus.Active && c.EndsAt > now, cancellationToken)
            || await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.DoctorId == doctor.Doctor.Id && a.Status != AppointmentStatus.Cancelled, cancellationToken);
        if (!treats)
        {
            throw new NotFoundException("Patient", patientId);
        }
    }

    /// <summary>The accounts told about the patient's referral: the patient's own and proxies with the Appointments scope.</summary>
    public async Task<IReadOnlyList<Guid>> PatientAccountsAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var today = Today();
        var rows = await db.PatientAccesses.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.RevokedAt == null && (a.EndsOn == null || a.EndsOn >= today))
            .Select(a => new { a.AccountId, a.Scopes, a.Relationship })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Relationship == PatientRelationship.Self || r.Scopes.HasFlag(PatientScope.Appointments)).Select(r => r.AccountId).Distinct().ToList();
    }

    /// <summary>Accounts of the doctors who decide on a referral (the receiving department or team).</summary>
    public async Task<IReadOnlyList<Guid>> ReceiverAccountsAsync(Referral referral, CancellationToken cancellationToken) =>
        referral.Direction == ReferralDirection.Up
            ? await db.Doctors.Where(d => d.DepartmentId == referral.ToDepartmentId).Select(d => d.AccountId).ToListAsync(cancellationToken)
            : await (from m in db.FamilyTeamMembers
                     join d in db.Doctors on m.DoctorId equals d.Id
                     where m.TeamId == referral.ToTeamId
                     select d.AccountId).ToListAsync(cancellationToken);

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.Value.TimeZoneInfo).DateTime);
}
