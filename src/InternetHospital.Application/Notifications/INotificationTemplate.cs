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
