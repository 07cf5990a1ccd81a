using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Results;

/// <summary>
/// "My record" (PIPL right of access): the patient's record as a FHIR R4 Bundle, made on request: the patient, the
/// HIS's diagnoses, medications, allergies and encounters, the portal's online visits with their signed notes, and the
/// released lab reports with their values. Audit-logged; the endpoint is rate limited. When the HIS cannot be reached
/// the answer is 503 rather than a record that silently lacks the hospital's part.
/// </summary>
public sealed record ExportMyRecord(Guid PatientId) : IQuery<string>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IHisReader his, IRecordBundleWriter writer, IAuditLog audit, TimeProvider clock, Imaging.IImagingArchive archive)
        : IQueryHandler<ExportMyRecord, string>
    {
        public async ValueTask<string> Handle(ExportMyRecord query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Results | PatientScope.Medications | PatientScope.Appointments, cancellationToken);
            var patient = await db.PatientAsync(query.PatientId, cancellationToken);
            var now = clock.GetUtcNow();
            IReadOnlyList<HisDiagnosis> diagnoses = [];
            IReadOnlyList<HisMedication> medications = [];
            IReadOnlyList<HisAllergy> allergies = [];
            IReadOnlyList<HisEncounter> encounters = [];
            var reports = new List<Domain.Results.LabReport>();
            if (patient.HisPatientId is { } hisPatientId)
            {
                diagnoses = (await his.GetDiagnosesAsync(hisPatientId, cancellationToken)).Value;
                medications = (await his.GetMedicationsAsync(hisPatientId, cancellationToken)).Value;
                allergies = (await his.GetAllergiesAsync(hisPatientId, cancellationToken)).Value;
                encounters = (await his.GetEncountersAsync(hisPatientId, cancellationToken)).Value;
                reports = await db.LabReports.AsNoTracking().Include(r => r.Observations)
                    .VisibleTo(hisPatientId, now)
                    .OrderByDescending(r => r.IssuedAt)
                    .ToListAsync(cancellationToken);
            }

            var visits = await (
                from v in db.VideoVisits.AsNoTracking().Include(v => v.Note).ThenInclude(n => n!.Diagnoses)
                where v.PatientId == patient.Id && v.Note != null && v.Note.SignedAt != null
                join d in db.Doctors.AsNoTracking() on v.DoctorId equals d.Id
                orderby v.ScheduledStart descending
                select new { Visit = v, DoctorName = d.FullName })
                .ToListAsync(cancellationToken);

            var record = new PatientRecord(
                patient.Id,
                patient.FullName,
                patient.DateOfBirth,
                patient.Sex.ToString(),
                patient.HisPatientId,
                now,
                diagnoses,
                medications,
                allergies,
                encounters,
                visits.Select(x => new RecordVisit(
                    x.Visit.Id,
                    x.Visit.AdmittedAt ?? x.Visit.ScheduledStart,
                    x.Visit.EndedAt,
                    x.DoctorName,
                    x.Visit.Note!.ChiefComplaint,
                    x.Visit.Note.History,
                    x.Visit.Note.Assessment,
                    x.Visit.Note.Plan,
                    x.Visit.Note.FollowUpAdvice,
                    x.Visit.Note.Diagnoses.OrderBy(d => d.Position).Select(d => (d.Icd10Code, d.Description)).ToList(),
                    x.Visit.Note.SignedByName ?? x.DoctorName,
                    x.Visit.Note.SignedAt!.Value,
                    x.Visit.Note.ContentHash ?? string.Empty)).ToList(),
                reports)
            {
                ImagingStudies = (await Imaging.ImagingViews.PatientStudiesAsync(db, archive, patient, cancellationToken))
                    .Select(s => new RecordImagingStudy(s.Study.StudyInstanceUid, s.Study.StudyDate, s.Study.Description, s.Study.Modalities, s.Study.AccessionNumber, s.Study.SeriesCount, s.Study.InstanceCount))
                    .ToList(),
            };
            audit.Record("record.exported", nameof(Patient), patient.Id.ToString(), patient.Id, $"format=fhir; reports={reports.Count}; visits={visits.Count}");
            return writer.Write(record);
        }
    }
}
