using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// Who may play a visit's recordings (domain rule 30): the treating doctor, medical-records staff, and the patient (or
/// whoever may act for them) when they ask for it. Invited specialists were in the call but do not keep its recording:
/// 403. Anyone with no part in the visit gets the same 404 as for a visit that does not exist.
/// </summary>
public sealed class RecordingAccess(IAppDbContext db, ICurrentUser currentUser, IPatientAccessGuard guard)
{
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
