using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// Notification kinds of emergency cases. E-mail is not a secure channel: they say that something happened and where
/// to look, not the patient's condition.
/// </summary>
public static class EmergencyNotifications
{
    /// <summary>To a pathway team member: a case activated your team; acknowledge on the alert.</summary>
    public const string Alert = "emergency.alert";

    /// <summary>To those who act for the patient: the patient is being taken to this hospital's emergency department.</summary>
    public const string FamilyInformed = "emergency.family_informed";

    public const string AlertLink = "/emergency/alerts";
}

internal sealed class EmergencyAlertTemplate : INotificationTemplate
{
    public string Kind => EmergencyNotifications.Alert;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context)
    {
        var pathway = parameters.GetValueOrDefault("pathway") ?? string.Empty;
        return language == SupportedLanguages.English
            ? new EmailText(
                $"Emergency team alert: {pathway switch { "Stroke" => "stroke", "ChestPain" => "chest pain", _ => "trauma" }}",
                $"Dear {context.RecipientName},\n\nAn ambulance is bringing a patient for your team to {context.HospitalName}. Open the alert in the portal and acknowledge it.\n\n{context.PortalUrl}")
            : new EmailText(
                $"急救团队预警：{pathway switch { "Stroke" => "卒中", "ChestPain" => "胸痛", _ => "创伤" }}",
                $"{context.RecipientName}，您好：\n\n救护车正将一名需要您团队救治的患者送往{context.HospitalName}。请登录平台查看预警并确认。\n\n{context.PortalUrl}");
    }
}

internal sealed class EmergencyFamilyInformedTemplate : INotificationTemplate
{
    public string Kind => EmergencyNotifications.FamilyInformed;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText(
                "Your family member is being taken to hospital",
                $"Dear {context.RecipientName},\n\nThe ambulance crew is taking {parameters.GetValueOrDefault("patientName")} to the emergency department of {parameters.GetValueOrDefault("hospitalEn")}.\n\n{context.PortalUrl}")
            : new EmailText(
                "您的家人正被送往医院",
                $"{context.RecipientName}，您好：\n\n急救人员正将{parameters.GetValueOrDefault("patientName")}送往{parameters.GetValueOrDefault("hospital")}急诊科。\n\n{context.PortalUrl}");
}
