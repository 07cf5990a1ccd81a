using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// Notification kinds of remote consultation. Like every notice they say that something happened and where to look,
/// never the question or the opinion (e-mail is not a secure channel).
/// </summary>
public static class ConsultationNotifications
{
    /// <summary>To the specialists (or the department) asked: a consultation request arrived.</summary>
    public const string Requested = "consultations.requested";

    /// <summary>To the requesting doctor and the patient: accepted and scheduled.</summary>
    public const string Scheduled = "consultations.scheduled";

    /// <summary>To the requesting doctor and the patient: declined with a reason.</summary>
    public const string Declined = "consultations.declined";

    /// <summary>To the specialists: the requesting doctor withdrew it.</summary>
    public const string Cancelled = "consultations.cancelled";

    /// <summary>To the requesting doctor (and the patient when invited): the video room is open, join now.</summary>
    public const string Started = "consultations.started";

    /// <summary>To the requesting doctor and the patient: the specialist signed the opinion.</summary>
    public const string OpinionSigned = "consultations.opinion_signed";

    public const string PatientLink = "/consultations";
    public const string DoctorLink = "/doctor/consultations";
}

internal abstract class ConsultationTemplate(string kind, string subjectZh, string bodyZh, string subjectEn, string bodyEn) : INotificationTemplate
{
    public string Kind => kind;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(subjectEn, $"Dear {context.RecipientName},\n\n{bodyEn}\n\n{context.PortalUrl}")
            : new EmailText(subjectZh, $"{context.RecipientName}，您好：\n\n{bodyZh}\n\n{context.PortalUrl}");
}

internal sealed class ConsultationRequestedTemplate() : ConsultationTemplate(
    ConsultationNotifications.Requested,
    "收到一份远程会诊申请",
    "另一家医联体机构的医生向您（或您的科室）申请远程会诊。请登录工作台的“远程会诊”查看并安排。",
    "A remote consultation request has arrived",
    "A doctor at another institution of the consortium asks you (or your department) for a remote consultation. Open Remote consultations in your workspace to review and schedule it.");

internal sealed class ConsultationScheduledTemplate() : ConsultationTemplate(
    ConsultationNotifications.Scheduled,
    "远程会诊已安排",
    "会诊专家已接受远程会诊并安排了时间。请登录查看详情。",
    "A remote consultation is scheduled",
    "The specialist accepted the remote consultation and set a time. Sign in to see the details.");

internal sealed class ConsultationDeclinedTemplate() : ConsultationTemplate(
    ConsultationNotifications.Declined,
    "远程会诊未被接受",
    "会诊方未能接受这次远程会诊，并说明了原因。请登录查看。",
    "A remote consultation was declined",
    "The specialist side could not take on the remote consultation and gave a reason. Sign in to read it.");

internal sealed class ConsultationCancelledTemplate() : ConsultationTemplate(
    ConsultationNotifications.Cancelled,
    "远程会诊已撤回",
    "申请医生撤回了一次远程会诊。请登录查看。",
    "A remote consultation was withdrawn",
    "The requesting doctor withdrew a remote consultation. Sign in to see it.");

internal sealed class ConsultationStartedTemplate() : ConsultationTemplate(
    ConsultationNotifications.Started,
    "远程会诊已开始",
    "远程会诊的视频会诊室已开启，请登录加入。",
    "A remote consultation has started",
    "The video room of a remote consultation is open. Sign in to join it.");

internal sealed class ConsultationOpinionSignedTemplate() : ConsultationTemplate(
    ConsultationNotifications.OpinionSigned,
    "会诊意见已签署",
    "会诊专家已签署远程会诊意见。请登录查看。",
    "The consultation opinion is signed",
    "The specialist signed the remote consultation opinion. Sign in to read it.");
