using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Notifications;

/// <summary>
/// Tells a person that something happened: an entry in their notification centre (pushed live to open
/// browsers) and, unless switched off, an e-mail in their language. Both join the current unit of work.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken);

    /// <summary>
    /// Tells everyone who acts for the patient in the notice's scope today (the patient's own account and the guardians
    /// and proxies holding that scope). When the reader is not the patient, or a guardian or proxy did it, the texts
    /// name the patient and the account that acted ("张伟 为 张小宝 预约了挂号" / "张伟 booked an appointment for 张小宝"),
    /// and the notification carries <c>patientId</c>, <c>patientName</c> and <c>actorName</c> for the SPA.
    /// </summary>
    Task NotifyPatientAsync(PatientNotice notice, CancellationToken cancellationToken);
}

/// <param name="PatientId">Whose matter it is.</param>
/// <param name="Scope">What a guardian or proxy must hold to be told (appointments, results, medications, payments...).</param>
/// <param name="ActorAccountId">The account that did it (named when it is a guardian or proxy of the patient; staff never are).</param>
/// <param name="Action">What the actor did, for the sentence "ACTOR did ACTION for PATIENT"; null for news the actor did not cause.</param>
public sealed record PatientNotice(
    Guid PatientId,
    PatientScope Scope,
    Guid? ActorAccountId,
    string Kind,
    IReadOnlyDictionary<string, string> Parameters,
    string? Link = null,
    bool SendEmail = true,
    IReadOnlyList<NoticeAttachment>? Attachments = null,
    NoticeAction? Action = null);

/// <summary>What someone did for a patient, in both languages: ("预约了挂号", "booked an appointment").</summary>
public sealed record NoticeAction(string Chinese, string English);

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
