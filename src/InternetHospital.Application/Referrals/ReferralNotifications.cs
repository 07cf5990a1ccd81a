using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// Notification kinds of two-way referral. Like every notice they say that something happened and where to look, never
/// the reason or the question (e-mail is not a secure channel).
/// </summary>
public static class ReferralNotifications
{
    /// <summary>To the receiving department's doctors or team: a referral arrived.</summary>
    public const string Received = "referrals.received";

    /// <summary>To the patient and proxies: a time is proposed, book it in one tap.</summary>
    public const string AppointmentProposed = "referrals.appointment_proposed";

    /// <summary>To the patient and proxies, and the referring doctor: declined with a reason.</summary>
    public const string Declined = "referrals.declined";

    /// <summary>To the referring doctor and the patient: the receiving side accepted.</summary>
    public const string Accepted = "referrals.accepted";

    public const string PatientLink = "/referrals";
    public const string DoctorLink = "/doctor/referrals";
}

internal abstract class ReferralTemplate(string kind, string subjectZh, string bodyZh, string subjectEn, string bodyEn) : INotificationTemplate
{
    public string Kind => kind;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(subjectEn, $"Dear {context.RecipientName},\n\n{bodyEn.Replace("{hospital}", context.HospitalName, StringComparison.Ordinal)}\n\n{context.PortalUrl}")
            : new EmailText(subjectZh, $"{context.RecipientName}，您好：\n\n{bodyZh.Replace("{hospital}", context.HospitalName, StringComparison.Ordinal)}\n\n{context.PortalUrl}");
}

internal sealed class ReferralReceivedTemplate() : ReferralTemplate(
    ReferralNotifications.Received,
    "收到一份新的转诊申请",
    "您的科室（或团队）收到一份新的转诊申请。请登录工作台的“转诊”查看并处理。",
    "A new referral has arrived",
    "Your department (or team) has received a new referral. Open Referrals in your workspace to review it.");

internal sealed class ReferralAppointmentProposedTemplate() : ReferralTemplate(
    ReferralNotifications.AppointmentProposed,
    "您的转诊已被接收，请预约就诊时间",
    "{hospital}已接收您的转诊，并为您预留了就诊时间。请登录“我的转诊”一键预约。",
    "Your referral was accepted: book your visit",
    "{hospital} accepted your referral and has held a visit time for you. Open My referrals to book it in one tap.");

internal sealed class ReferralDeclinedTemplate() : ReferralTemplate(
    ReferralNotifications.Declined,
    "您的转诊未被接收",
    "接收方未能接收这份转诊，并说明了原因。请登录“我的转诊”查看，或联系您的医生。",
    "A referral was not accepted",
    "The receiving side could not accept the referral and gave a reason. Open My referrals to read it, or contact your doctor.");

internal sealed class ReferralAcceptedTemplate() : ReferralTemplate(
    ReferralNotifications.Accepted,
    "转诊已被接收",
    "接收方已接收这份转诊。请登录查看详情。",
    "A referral was accepted",
    "The receiving side accepted the referral. Sign in to see the details.");
