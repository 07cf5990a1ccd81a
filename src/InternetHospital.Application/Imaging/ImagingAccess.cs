using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Imaging;

/// <summary>Who reads: the patient side (the patient or a proxy with the results scope) or a doctor.</summary>
public enum ImagingReader
{
    Patient,
    Doctor,
}

/// <summary>
/// Who may see a patient's images, and which studies are the patient's. A study is the patient's when the PACS holds
/// it under their HIS id (a hospital study) or a <see cref="Domain.Imaging.SharedStudy"/> row links it to them (an
/// outside study). Everything else, and every refusal, is 404: a stranger learns nothing about what exists.
/// </summary>
public sealed class ImagingAccess(IAppDbContext db, IPatientAccessGuard guard, StaffAccess staff, IFamilyAccess family, ICurrentUser currentUser, IOptions<HospitalOptions> hospital, TimeProvider clock)
{
    /// <summary>A doctor sees the images of a patient they have an appointment with from this many days before today...</summary>
    public const int DoctorDaysBefore = 30;

    /// <summary>... up to this many days after (preparing a consultation).</summary>
    public const int DoctorDaysAfter = 14;

    /// <summary>The patient, once the caller may read their images; 404 otherwise.</summary>
    public async Task<Patient> PatientAsync(Guid patientId, ImagingReader reader, CancellationToken cancellationToken)
    {
        if (reader == ImagingReader.Patient)
        {
            await guard.EnsureCanActForAsync(patientId, PatientScope.Results, cancellationToken);
        }
        else if (!await DoctorMayReadAsync(patientId, cancellationToken))
        {
            throw new NotFoundException(nameof(Patient), patientId);
        }

        return await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException(nameof(Patient), patientId);
    }

    /// <summary>The study if it is the patient's (by their HIS id in the PACS, or shared with them), else 404.</summary>
    public async Task<(ArchivedStudy Study, string Source)> StudyAsync(IImagingArchive archive, Patient patient, string studyUid, CancellationToken cancellationToken)
    {
        if (!DicomUid.IsValid(studyUid))
        {
            throw new NotFoundException("Study", studyUid);
        }

        var shared = await db.SharedStudies.AsNoTracking().AnyAsync(s => s.PatientId == patient.Id && s.StudyInstanceUid == studyUid, cancellationToken);
        var study = await archive.FindStudyAsync(studyUid, cancellationToken) ?? throw new NotFoundException("Study", studyUid);

        if (patient.HisPatientId is { } hisId && string.Equals(study.PatientId, hisId, StringComparison.Ordinal))
        {
            return (study, ImagingViews.Hospital);
        }

        return shared ? (study, ImagingViews.Shared) : throw new NotFoundException("Study", studyUid);
    }

    /// <summary>
    /// A doctor reads a patient's images when they treat the patient: an appointment with them (not cancelled, not a
    /// no-show hold) from <see cref="DoctorDaysBefore"/> days ago to <see cref="DoctorDaysAfter"/> days ahead, a
    /// video visit they were invited to as a specialist within the same window, a remote consultation they were asked
    /// (open or signed within the window), or the patient's signed family-doctor
    /// contract with one of their teams: the same doctors who read the patient's HIS record today.
    /// </summary>
    private async Task<bool> DoctorMayReadAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var doctor = await staff.CurrentDoctorAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), hospital.Value.TimeZoneInfo).DateTime);
        var from = today.AddDays(-DoctorDaysBefore);
        var to = today.AddDays(DoctorDaysAfter);
        if (await db.Appointments.AsNoTracking().AnyAsync(
                a => a.PatientId == patientId && a.DoctorId == doctor.Id && a.LocalDate >= from && a.LocalDate <= to
                    && (a.Status == AppointmentStatus.PendingReview || a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn
                        || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Completed),
                cancellationToken))
        {
            return true;
        }

        var accountId = currentUser.RequireAccountId();
        var since = clock.GetUtcNow().AddDays(-DoctorDaysBefore);
        if (await (from i in db.VisitInvitations
                   join v in db.VideoVisits on i.VisitId equals v.Id
                   where i.SpecialistAccountId == accountId && v.PatientId == patientId && i.InvitedAt >= since
                   select i.Id).AnyAsync(cancellationToken))
        {
            return true;
        }

        // Note: a specialist asked for a remote consultation about the patient (by name, or a doctor of the department
        // asked) reads the images attached to it, from the request until the same window after it was last updated.
        var doctorId = doctor.Id;
        var departmentId = doctor.DepartmentId;
        if (await db.Consultations.AsNoTracking().AnyAsync(
                c => c.PatientId == patientId && c.UpdatedAt >= since
                    && c.Status != Domain.Consultations.ConsultationStatus.Declined && c.Status != Domain.Consultations.ConsultationStatus.Cancelled
                    && (c.Specialists.Any(s => s.DoctorId == doctorId) || c.ToDepartmentId == departmentId),
                cancellationToken))
        {
            return true;
        }

        try
        {
            await family.RequireCaringDoctorAsync(patientId, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
        catch (ForbiddenAccessException)
        {
            return false;
        }
    }
}
