namespace InternetHospital.Application.Notifications;

/// <summary>
/// The e-mail text of one notification kind in each supported language. Features add one class per kind;
/// every implementation in the Application assembly is registered automatically.
/// </summary>
public interface INotificationTemplate
{
    string Kind { get; }

    EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context);
}

public sealed record EmailText(string Subject, string Body);

/// <summary>What every template may use: the hospital's name in the language and the portal link.</summary>
public sealed record TemplateContext(string HospitalName, string PortalUrl, string RecipientName);

/// <summary>
/// The SMS of one notification kind, for people who keep SMS on and have a verified number: an approved template and
/// its values built from the notice's parameters (names and times only). Registered automatically like the e-mail ones.
/// </summary>
public interface ISmsNotificationTemplate
{
    string Kind { get; }

    Sms.SmsTemplate Template { get; }

    /// <param name="patientName">The patient the notice is about (the reader, or the person they act for).</param>
    IReadOnlyDictionary<string, Sms.SmsParameter> Parameters(IReadOnlyDictionary<string, string> parameters, string patientName, TimeZoneInfo zone);
}
