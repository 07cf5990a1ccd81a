namespace InternetHospital.Application.Imaging;

/// <summary>One instance as DICOM (application/dicom) for the viewer, through the portal: the browser never reaches the PACS.</summary>
public sealed record GetStudyInstance(Guid PatientId, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, ImagingReader Reader) : IQuery<ArchiveContent>
{
    public sealed class Handler(ImagingAccess access, IImagingArchive archive, IAuditLog audit) : IQueryHandler<GetStudyInstance, ArchiveContent>
    {
        public async ValueTask<ArchiveContent> Handle(GetStudyInstance query, CancellationToken cancellationToken)
        {
            var patient = await access.PatientAsync(query.PatientId, query.Reader, cancellationToken);
            var (study, _) = await access.StudyAsync(archive, patient, query.StudyInstanceUid, cancellationToken);

            // Note: the study is the patient's; the PACS answers by the whole path, so an instance of another study is not found.
            var content = (DicomUid.IsValid(query.SeriesInstanceUid) && DicomUid.IsValid(query.SopInstanceUid)
                    ? await archive.GetInstanceAsync(study.StudyInstanceUid, query.SeriesInstanceUid, query.SopInstanceUid, cancellationToken)
                    : null)
                ?? throw new NotFoundException("Instance", query.SopInstanceUid);

            audit.Record(query.Reader == ImagingReader.Doctor ? "imaging.instance_read_by_doctor" : "imaging.instance_read", "Instance", query.SopInstanceUid, patient.Id, $"study={study.StudyInstanceUid}");
            return content;
        }
    }
}
