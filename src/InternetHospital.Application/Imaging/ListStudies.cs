using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Imaging;

/// <summary>
/// A patient's imaging studies (影像), newest first: the PACS's studies under their HIS id and the outside studies
/// shared with them, each with the radiologist's report when the HIS has one.
/// </summary>
public sealed record ListStudies(Guid PatientId, ImagingReader Reader) : IQuery<IReadOnlyList<StudyView>>
{
    public sealed class Handler(IAppDbContext db, ImagingAccess access, IImagingArchive archive, IHisReader his, IAuditLog audit, InstitutionReads reads) : IQueryHandler<ListStudies, IReadOnlyList<StudyView>>
    {
        public async ValueTask<IReadOnlyList<StudyView>> Handle(ListStudies query, CancellationToken cancellationToken)
        {
            var patient = await access.PatientAsync(query.PatientId, query.Reader, cancellationToken);
            var studies = await ImagingViews.PatientStudiesAsync(db, archive, patient, cancellationToken);
            var reports = await ImagingViews.ReportsAsync(his, patient.HisPatientId, cancellationToken);
            var views = studies.Select(s => ImagingViews.Study(s.Study, s.Source, ImagingViews.ReportFor(s.Study, s.Source, reports))).ToList();
            audit.Record(query.Reader == ImagingReader.Doctor ? "imaging.listed_by_doctor" : "imaging.listed", nameof(Patient), patient.Id.ToString(), patient.Id, $"count={views.Count}");
            if (query.Reader == ImagingReader.Doctor && views.Any(v => v.Source == ImagingViews.Hospital))
            {
                await reads.RecordAsync("imaging.listed_by_doctor", nameof(Patient), patient.Id.ToString(), patient.Id, await reads.SharedRecordHolderAsync(cancellationToken), cancellationToken);
            }

            return views;
        }
    }
}
