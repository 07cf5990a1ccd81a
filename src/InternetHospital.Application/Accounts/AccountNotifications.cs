using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Accounts;

/// <summary>Notification kinds of the Accounts feature and their e-mails.</summary>
public static class AccountNotifications
{
    public const string Registered = "account.registered";
    public const string TwoFactorEnabled = "account.two_factor_enabled";
    public const string TwoFactorDisabled = "account.two_factor_disabled";
}

internal sealed class AccountRegisteredTemplate : INotificationTemplate
{
    public string Kind => AccountNotifications.Registered;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                $"Welcome to {context.HospitalName}",
                $"Dear {context.RecipientName},\n\nyour account has been created. You can now book appointments, see your doctor online for follow-up visits and renew your regular medicines.\n\nIf you did not register, please contact the hospital.")
            : new EmailText(
                $"欢迎使用{context.HospitalName}",
                $"{context.RecipientName}，您好：\n\n您的账户已创建成功。现在您可以在线预约挂号、进行线上复诊和续方。\n\n如果这不是您本人的操作，请联系医院。");
}

internal sealed class TwoFactorEnabledTemplate : INotificationTemplate
{
    public string Kind => AccountNotifications.TwoFactorEnabled;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                "Two-factor sign-in was turned on",
                $"Dear {context.RecipientName},\n\ntwo-factor sign-in is now on for your account: signing in needs the code from your authenticator app.\n\nIf you did not do this, contact the hospital at once.")
            : new EmailText(
                "已开启两步验证登录",
                $"{context.RecipientName}，您好：\n\n您的账户已开启两步验证：登录时需要输入身份验证器应用中的验证码。\n\n如果这不是您本人的操作，请立即联系医院。");
}

internal sealed class TwoFactorDisabledTemplate : INotificationTemplate
{
    public string Kind => AccountNotifications.TwoFactorDisabled;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                "Two-factor sign-in was turned off",
                $"Dear {context.RecipientName},\n\ntwo-factor sign-in has been turned off for your account.\n\nIf you did not do this, contact the hospital at once.")
            : new EmailText(
                "已关闭两步验证登录",
                $"{context.RecipientName}，您好：\n\n您的账户已关闭两步验证。\n\n如果这不是您本人的操作，请立即联系医院。");
}
