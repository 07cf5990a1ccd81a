using InternetHospital.Application.His;

namespace InternetHospital.Application.Imaging;

/// <summary>One study with its series and their instances (what the viewer pages through) and its report.</summary>
public sealed record GetStudy(Guid PatientId, string StudyInstanceUid, ImagingReader Reader) : IQuery<StudyDetailView>
{
    public sealed class Handler(ImagingAccess access, IImagingArchive archive, IHisReader his, IAuditLog audit, InstitutionReads reads) : IQueryHandler<GetStudy, StudyDetailView>
    {
        public async ValueTask<StudyDetailView> Handle(GetStudy query, CancellationToken cancellationToken)
        {
            var patient = await access.PatientAsync(query.PatientId, query.Reader, cancellationToken);
            var (study, source) = await access.StudyAsync(archive, patient, query.StudyInstanceUid, cancellationToken);
            var series = new List<SeriesView>();
            foreach (var s in await archive.ListSeriesAsync(study.StudyInstanceUid, cancellationToken))
            {
                var instances = await archive.ListInstancesAsync(study.StudyInstanceUid, s.SeriesInstanceUid, cancellationToken);
                series.Add(new SeriesView(s.SeriesInstanceUid, s.Modality, s.Description, s.Number, instances.Select(i => new InstanceView(i.SopInstanceUid, i.Number, i.Frames)).ToList()));
            }

            var report = ImagingViews.ReportFor(study, source, await ImagingViews.ReportsAsync(his, patient.HisPatientId, cancellationToken));
            audit.Record(query.Reader == ImagingReader.Doctor ? "imaging.study_read_by_doctor" : "imaging.study_read", "Study", study.StudyInstanceUid, patient.Id);
            if (query.Reader == ImagingReader.Doctor && source == ImagingViews.Hospital)
            {
                await reads.RecordAsync("imaging.study_read_by_doctor", "Study", study.StudyInstanceUid, patient.Id, await reads.SharedRecordHolderAsync(cancellationToken), cancellationToken);
            }

            return new StudyDetailView(
                study.StudyInstanceUid, study.StudyDate, study.Description, study.Modalities, study.AccessionNumber, study.SeriesCount, study.InstanceCount, source, report, series);
        }
    }
}
