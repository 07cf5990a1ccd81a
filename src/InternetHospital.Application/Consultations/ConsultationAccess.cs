using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Consultations;

/// <summary>The signed-in doctor with the institution they work at (a doctor's institution is their department's facility).</summary>
public sealed record ConsultingDoctor(Doctor Doctor, Guid FacilityId);

/// <summary>
/// Who sees and moves a remote consultation (domain rules 15, 26, 28): the requesting doctor, the specialists asked by
/// name (or who took it on), and the doctors of the department it was asked of. Nobody else at either institution: a
/// consultation carries the patient's record summary, so "works there" is not enough. Every doctor's read is
/// audit-logged with both institutions. Anyone else gets 404.
/// </summary>
public sealed class ConsultationAccess(IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, INotifier notifier, TimeProvider clock)
{
    private ConsultingDoctor? me;

    public async Task<ConsultingDoctor> CurrentDoctorAsync(CancellationToken cancellationToken)
    {
        if (me is not null)
        {
            return me;
        }

        var accountId = currentUser.RequireAccountId();
        var found = (currentUser.IsInRole(Roles.Doctor)
            ? await (from d in db.Doctors.AsNoTracking()
                     join dep in db.Departments on d.DepartmentId equals dep.Id
                     where d.AccountId == accountId
                     select new { Doctor = d, dep.FacilityId }).SingleOrDefaultAsync(cancellationToken)
            : null) ?? throw new NotFoundException("Doctor profile");
        me = new ConsultingDoctor(found.Doctor, found.FacilityId);
        return me;
    }

    public IQueryable<Consultation> VisibleTo(ConsultingDoctor doctor)
    {
        var doctorId = doctor.Doctor.Id;
        var departmentId = doctor.Doctor.DepartmentId;
        return db.Consultations.Where(c => c.RequestingDoctorId == doctorId || c.Specialists.Any(s => s.DoctorId == doctorId) || c.ToDepartmentId == departmentId);
    }

    /// <summary>The consultation (tracked, with its children) for a doctor who may see it; 404 otherwise.</summary>
    public async Task<(Consultation Consultation, ConsultingDoctor Doctor)> RequireForDoctorAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        var doctor = await CurrentDoctorAsync(cancellationToken);
        var consultation = await WithEverything(VisibleTo(doctor)).SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken)
            ?? throw new NotFoundException("Consultation", consultationId);
        return (consultation, doctor);
    }

    public static IQueryable<Consultation> WithEverything(IQueryable<Consultation> query) =>
        query.Include(c => c.Events).Include(c => c.Attachments).Include(c => c.Specialists).Include(c => c.Addenda).Include(c => c.Opinion).AsSplitQuery();

    /// <summary>The specialist side: asked by name, or a doctor of the department it was asked of.</summary>
    public static bool IsConsulted(Consultation consultation, ConsultingDoctor doctor) =>
        consultation.IsSpecialist(doctor.Doctor.Id) || (consultation.ToDepartmentId is { } department && department == doctor.Doctor.DepartmentId);

    public static void EnsureConsulted(Consultation consultation, ConsultingDoctor doctor)
    {
        if (!IsConsulted(consultation, doctor))
        {
            throw new ForbiddenAccessException("not_consultation_specialist", "Only the specialists asked (or the department asked) answer this consultation.");
        }
    }

    public static void EnsureRequester(Consultation consultation, ConsultingDoctor doctor)
    {
        if (consultation.RequestingDoctorId != doctor.Doctor.Id)
        {
            throw new ForbiddenAccessException("not_consultation_requester", "Only the requesting doctor withdraws the consultation.");
        }
    }

    /// <summary>Domain rule 26: a read or change across institutions names both.</summary>
    public void Audit(Consultation consultation, string action) =>
        audit.Record(action, nameof(Consultation), consultation.Id.ToString(), consultation.PatientId, $"from={consultation.FromFacilityId} to={consultation.ToFacilityId}");

    /// <summary>
    /// The doctor looks after this patient: a live family-doctor contract with one of the doctor's teams, or an
    /// appointment with the doctor that was not cancelled. Otherwise the patient is not theirs to ask about (404).
    /// </summary>
    public async Task EnsureTreatsAsync(ConsultingDoctor doctor, Guid patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var doctorId = doctor.Doctor.Id;
        var teams = db.FamilyTeamMembers.Where(m => m.DoctorId == doctorId).Select(m => m.TeamId);
        var treats = await db.FamilyContracts.AnyAsync(c => c.PatientId == patientId && teams.Contains(c.TeamId) && c.Status == ContractStatus.Active && c.EndsAt > now, cancellationToken)
            || await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.DoctorId == doctorId && a.Status != AppointmentStatus.Cancelled, cancellationToken);
        if (!treats)
        {
            throw new NotFoundException("Patient", patientId);
        }
    }

    /// <summary>Tells the specialist side: the doctors asked by name, else every doctor of the department asked.</summary>
    public async Task TellConsultedAsync(Consultation consultation, string kind, CancellationToken cancellationToken)
    {
        var accounts = consultation.Specialists.Count > 0
            ? consultation.Specialists.Select(s => s.AccountId).ToList()
            : await db.Doctors.Where(d => d.DepartmentId == consultation.ToDepartmentId).Select(d => d.AccountId).ToListAsync(cancellationToken);
        foreach (var account in accounts.Distinct())
        {
            await notifier.NotifyAsync(new Notice(account, kind, Parameters(consultation), $"{ConsultationNotifications.DoctorLink}/{consultation.Id}"), cancellationToken);
        }
    }

    public Task TellRequesterAsync(Consultation consultation, string kind, CancellationToken cancellationToken, bool sendEmail = true) =>
        notifier.NotifyAsync(new Notice(consultation.RequestingAccountId, kind, Parameters(consultation), $"{ConsultationNotifications.DoctorLink}/{consultation.Id}", sendEmail), cancellationToken);

    /// <summary>The patient's own account and everyone acting for them in appointments.</summary>
    public Task TellPatientAsync(Consultation consultation, string kind, CancellationToken cancellationToken, bool sendEmail = true) =>
        notifier.NotifyPatientAsync(
            new PatientNotice(consultation.PatientId, PatientScope.Appointments, null, kind, Parameters(consultation), $"{ConsultationNotifications.PatientLink}/{consultation.Id}?patientId={consultation.PatientId}", sendEmail),
            cancellationToken);

    private static Dictionary<string, string> Parameters(Consultation consultation) =>
        new(StringComparer.Ordinal) { ["consultationId"] = consultation.Id.ToString() };
}
