using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Results;

/// <summary>
/// Notification kinds of lab results. Like every notice they say that something happened and where to look, never
/// the test or the value (e-mail is not a secure channel).
/// </summary>
public static class ResultNotifications
{
    public const string CriticalForPatient = "results.critical";
    public const string CriticalForTeam = "results.critical_team";
    public const string Released = "results.released";

    public const string PatientLink = "/results";
}

internal abstract class ResultTemplate(string kind, string subjectZh, string bodyZh, string subjectEn, string bodyEn) : INotificationTemplate
{
    public string Kind => kind;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(subjectEn, $"Dear {context.RecipientName},\n\n{bodyEn.Replace("{hospital}", context.HospitalName, StringComparison.Ordinal)}")
            : new EmailText(subjectZh, $"{context.RecipientName}，您好：\n\n{bodyZh.Replace("{hospital}", context.HospitalName, StringComparison.Ordinal)}");
}

internal sealed class CriticalResultTemplate() : ResultTemplate(
    ResultNotifications.CriticalForPatient,
    "您的检验结果需要尽快处理",
    "您的一项检验结果需要尽快处理。请尽快联系{hospital}或您的医生；如感到不适，请立即就医或拨打120。",
    "One of your test results needs prompt attention",
    "One of your test results needs prompt attention. Please contact {hospital} or your doctor soon; if you feel unwell, seek care now or call 120.");

internal sealed class CriticalResultTeamTemplate() : ResultTemplate(
    ResultNotifications.CriticalForTeam,
    "签约居民出现检验危急值",
    "您团队的一位签约居民有一项检验危急值。请登录工作台查看并尽快联系该居民。",
    "A critical lab value for a patient of your team",
    "A patient your team cares for has a critical laboratory value. Please open your panel and contact the patient soon.");

internal sealed class ResultReleasedTemplate() : ResultTemplate(
    ResultNotifications.Released,
    "您有新的检验报告",
    "您的医生已发布一份新的检验报告。请登录查看。",
    "A new test report is ready",
    "Your doctor has released a new test report. Sign in to read it.");
