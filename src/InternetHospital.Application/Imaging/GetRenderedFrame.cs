namespace InternetHospital.Application.Imaging;

/// <summary>One frame rendered by the PACS (JPEG or PNG): thumbnails, and the image a doctor shares into a call.</summary>
public sealed record GetRenderedFrame(Guid PatientId, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, int Frame, ImagingReader Reader) : IQuery<ArchiveContent>
{
    public sealed class Handler(ImagingAccess access, IImagingArchive archive, IAuditLog audit) : IQueryHandler<GetRenderedFrame, ArchiveContent>
    {
        public async ValueTask<ArchiveContent> Handle(GetRenderedFrame query, CancellationToken cancellationToken)
        {
            var patient = await access.PatientAsync(query.PatientId, query.Reader, cancellationToken);
            var (study, _) = await access.StudyAsync(archive, patient, query.StudyInstanceUid, cancellationToken);
            var content = (query.Frame >= 1 && DicomUid.IsValid(query.SeriesInstanceUid) && DicomUid.IsValid(query.SopInstanceUid)
                    ? await archive.GetRenderedFrameAsync(study.StudyInstanceUid, query.SeriesInstanceUid, query.SopInstanceUid, query.Frame, cancellationToken)
                    : null)
                ?? throw new NotFoundException("Frame", $"{query.SopInstanceUid}/{query.Frame}");

            audit.Record(query.Reader == ImagingReader.Doctor ? "imaging.frame_read_by_doctor" : "imaging.frame_read", "Instance", query.SopInstanceUid, patient.Id, $"study={study.StudyInstanceUid};frame={query.Frame}");
            return content;
        }
    }
}
