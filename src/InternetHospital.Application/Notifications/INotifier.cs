namespace InternetHospital.Application.Notifications;

/// <summary>
/// Tells a person that something happened: an entry in their notification centre (pushed live to open
/// browsers) and, unless switched off, an e-mail in their language. Both join the current unit of work.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken);
}

/// <param name="RecipientAccountId">The account to tell.</param>
/// <param name="Kind">The notification kind; an <see cref="INotificationTemplate"/> with this kind renders the e-mail.</param>
/// <param name="Parameters">Values for the text. No health details: e-mail is not a secure channel.</param>
/// <param name="Link">Where in the portal it leads (a path such as <c>/appointments</c>).</param>
/// <param name="SendEmail">Whether to send an e-mail too.</param>
/// <param name="Attachments">Files for the e-mail (e.g. a calendar entry).</param>
public sealed record Notice(
    Guid RecipientAccountId,
    string Kind,
    IReadOnlyDictionary<string, string> Parameters,
    string? Link = null,
    bool SendEmail = true,
    IReadOnlyList<NoticeAttachment>? Attachments = null);

public sealed record NoticeAttachment(string FileName, string ContentType, byte[] Content);
