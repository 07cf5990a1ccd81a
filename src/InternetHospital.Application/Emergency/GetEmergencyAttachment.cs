using InternetHospital.Application.Files;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>One photo or voice note of a case, for whoever may read the case.</summary>
public sealed record GetEmergencyAttachment(Guid CaseId, Guid AttachmentId) : IQuery<FileDownload>
{
    public sealed class Handler(EmergencyAccess access, IFileStore files, IAuditLog audit) : IQueryHandler<GetEmergencyAttachment, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetEmergencyAttachment query, CancellationToken cancellationToken)
        {
            var @case = await access.ReadableCaseAsync(query.CaseId, cancellationToken);
            var attachment = @case.Attachments.SingleOrDefault(a => a.Id == query.AttachmentId) ?? throw new NotFoundException("Attachment", query.AttachmentId);
            var file = await files.OpenAsync(attachment.FileId, cancellationToken) ?? throw new NotFoundException("Attachment", query.AttachmentId);
            audit.Record("emergency.attachment_read", nameof(EmergencyCase), @case.Id.ToString(), @case.PatientId, attachment.Id.ToString());
            return file;
        }
    }
}
