using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A reply in a conversation, with up to five attachments uploaded beforehand.</summary>
public sealed record SendFamilyMessage(Guid ThreadId, string? Body, IReadOnlyList<Guid>? AttachmentIds) : ICommand<MessageView>
{
    public sealed class Validator : AbstractValidator<SendFamilyMessage>
    {
        public Validator()
        {
            RuleFor(x => x.Body).MaximumLength(FamilyMessage.MaxBodyLength);
            RuleFor(x => x.Body).NotEmpty().When(x => x.AttachmentIds is null || x.AttachmentIds.Count == 0).WithLocalizedMessage("message_empty");
            RuleFor(x => x.AttachmentIds!.Count).LessThanOrEqualTo(FamilyMessage.MaxAttachments).When(x => x.AttachmentIds is not null).OverridePropertyName("attachmentIds");
        }
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, FamilyMessaging messaging, IAuditLog audit, TimeProvider clock) : ICommandHandler<SendFamilyMessage, MessageView>
    {
        public async ValueTask<MessageView> Handle(SendFamilyMessage command, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(command.ThreadId, cancellationToken);
            var contract = await db.FamilyContracts.SingleAsync(c => c.Id == you.Thread.ContractId, cancellationToken);
            var now = clock.GetUtcNow();
            var message = await messaging.PostAsync(you.Thread, contract, you.Side, you.AccountId, you.DoctorId, command.Body ?? string.Empty, command.AttachmentIds ?? [], now, cancellationToken);
            audit.Record("family.message.sent", nameof(FamilyMessage), message.Id.ToString(), you.Thread.PatientId);
            return MessageView.From(message, you.AccountId);
        }
    }
}
