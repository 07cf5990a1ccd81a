using InternetHospital.Application.Files;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// A photo from the ambulance (ECG strip, injury, medicine boxes, ID card) or a short voice note into the case channel:
/// images and audio recordings (WebM/Opus, Ogg/Opus, MP4/AAC, checked by their bytes, at most 2 MB), nothing else.
/// </summary>
public sealed record AttachEmergencyPhoto(Guid CaseId, string FileName, Stream Content, long Length, string? Caption, SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public const string Purpose = "emergency-photo";

    public override string ToString() => nameof(AttachEmergencyPhoto);

    public sealed class Validator : AbstractValidator<AttachEmergencyPhoto>
    {
        public Validator() => RuleFor(x => x.Caption).MaximumLength(EmergencyCase.MaxMechanismLength);
    }

    public sealed class Handler(CrewWriter writer, IFileStore files) : ICommandHandler<AttachEmergencyPhoto, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(AttachEmergencyPhoto command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "attachment", async (c, crew, now) =>
            {
                var stored = await files.SaveAsync(new FileUpload(c.PatientId, Purpose, command.FileName, command.Content, command.Length, AcceptAudio: true), cancellationToken);
                if (!FileTypes.IsImage(stored.ContentType) && !FileTypes.IsAudio(stored.ContentType))
                {
                    throw new ValidationException([ValidationMessages.Failure("file", "emergency_photo_not_image")]);
                }

                return c.Attach(stored.Id, stored.ContentType, command.Caption, crew, now).Id;
            }, cancellationToken);
    }
}
