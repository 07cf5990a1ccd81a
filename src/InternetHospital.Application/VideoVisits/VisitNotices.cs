using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>Notification kinds of video visits. E-mails carry no health details: they point to the portal.</summary>
public static class VisitNotices
{
    public const string Completed = "visit.completed";
    public const string Referred = "visit.referred";
    public const string SpecialistInvited = "visit.specialist_invited";

    /// <summary>Every account that acts for the visit's patient in appointments (the patient, a guardian, a proxy with that scope).</summary>
    public static async Task TellPatientAsync(INotifier notifier, VideoVisit visit, string kind, CancellationToken cancellationToken) =>
        await notifier.NotifyPatientAsync(new PatientNotice(visit.PatientId, PatientScope.Appointments, null, kind, new Dictionary<string, string>(), $"/visits/{visit.Id}"), cancellationToken);
}

internal sealed class VisitCompletedTemplate : INotificationTemplate
{
    public string Kind => VisitNotices.Completed;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                "Your visit summary is ready",
                $"Dear {context.RecipientName},\n\nyour doctor has completed your video visit. The after-visit summary, with your doctor's advice, is in the portal.")
            : new EmailText(
                "您的就诊小结已生成",
                $"{context.RecipientName}，您好：\n\n医生已完成本次视频复诊。就诊小结和医生的建议请在互联网医院中查看。");
}

internal sealed class VisitReferredTemplate : INotificationTemplate
{
    public string Kind => VisitNotices.Referred;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                "Please see a doctor in person",
                $"Dear {context.RecipientName},\n\nyour doctor ended the video visit because you need to be seen in person. Please read the doctor's advice in the portal, where you can also book an in-person visit. If you feel very unwell, go to an emergency department or call 120 now.")
            : new EmailText(
                "请到医院线下就诊",
                $"{context.RecipientName}，您好：\n\n医生结束了本次视频复诊，因为您的情况需要到医院当面就诊。请在互联网医院查看医生的建议，并可在那里预约线下门诊。如感觉非常不适，请立即前往急诊或拨打120。");
}

internal sealed class SpecialistInvitedTemplate : INotificationTemplate
{
    public string Kind => VisitNotices.SpecialistInvited;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText("You are invited to a video consultation", $"Dear {context.RecipientName},\n\na colleague invites you to join a patient's video visit as a specialist. Open the portal to join.")
            : new EmailText("会诊邀请", $"{context.RecipientName}，您好：\n\n有同事邀请您以专科医生身份加入一次视频复诊。请打开互联网医院加入会诊。");
}
