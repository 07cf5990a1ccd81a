using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// Who may play a visit's recordings (domain rule 30): the treating doctor, medical-records staff, and the patient (or
/// whoever may act for them) when they ask for it. Invited specialists were in the call but do not keep its recording:
/// 403. Anyone with no part in the visit gets the same 404 as for a visit that does not exist. Medical-records staff
/// play the recordings of their own institutions' visits only.
/// </summary>
public sealed class RecordingAccess(IAppDbContext db, ICurrentUser currentUser, IPatientAccessGuard guard, InstitutionScope institutions)
{
    public const string OtherInstitutionCode = "recording_other_institution";

    public async Task<(VideoVisit Visit, string As)> EnsureMayPlayAsync(Guid visitId, CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        var visit = await db.VideoVisits.AsNoTracking().Include(v => v.Invitations).SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken)
            ?? throw new NotFoundException("Visit", visitId);

        if (currentUser.IsInRole(Roles.Doctor) && visit.DoctorAccountId == accountId)
        {
            return (visit, "treating_doctor");
        }

        if (currentUser.IsInRole(Roles.MedicalRecords))
        {
            // Note: medical-records staff keep their own institution's records only (the visit's doctor's department's
            // institution): another institution's recording is refused.
            var facilityId = await (from d in db.Doctors
                                    join dep in db.Departments on d.DepartmentId equals dep.Id
                                    where d.Id == visit.DoctorId
                                    select dep.FacilityId).SingleAsync(cancellationToken);
            if (!(await institutions.MyInstitutionsAsync(cancellationToken)).Contains(facilityId))
            {
                throw new ForbiddenAccessException(OtherInstitutionCode, "Medical records staff play only the recordings of their own institution's visits.");
            }

            return (visit, "medical_records");
        }

        if (currentUser.IsInRole(Roles.Doctor) && visit.IsInvitedSpecialist(accountId))
        {
            throw new ForbiddenAccessException("recording_access_denied", "Only the treating doctor, medical records and the patient may play a visit's recording.");
        }

        if (!visit.PatientExcluded)
        {
            try
            {
                await guard.EnsureCanActForAsync(visit.PatientId, PatientScope.Appointments, cancellationToken);
                return (visit, "patient_request");
            }
            catch (NotFoundException)
            {
                // Note: falls through to the same 404 as a visit that does not exist.
            }
        }

        throw new NotFoundException("Visit", visitId);
    }
}
