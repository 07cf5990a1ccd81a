using System.Security.Cryptography;
using System.Text;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>Notification kinds of family members and proxy access. Texts name people, never health details.</summary>
public static class ProxyNotifications
{
    /// <summary>Someone asks to act for you (to the person's own account).</summary>
    public const string InvitationReceived = "proxy.invitation_received";

    /// <summary>The person consented (to the account that asked).</summary>
    public const string InvitationAccepted = "proxy.invitation_accepted";

    public const string InvitationDeclined = "proxy.invitation_declined";

    /// <summary>Your access to a person's record ended (revoked by them, by an administrator, or at its end).</summary>
    public const string AccessEnded = "proxy.access_ended";

    /// <summary>To a young adult on their 18th birthday: the guardian's access has ended; they may invite them back.</summary>
    public const string GuardianAccessEnded = "proxy.guardian_access_ended";

    public const string ProxiesLink = "/family/proxies";
    public const string MembersLink = "/family";

    public static string InvitationLink(string token) => "/family/invitations/" + token;
}

/// <summary>The member as the account holder's family list shows it.</summary>
/// <param name="Status"><c>active</c> or <c>pending</c> (waiting for the person's consent).</param>
/// <param name="AdolescentShares">For a guardian of a 14-17-year-old: what the young person shares; otherwise null.</param>
public sealed record FamilyMemberView(
    Guid PatientId,
    string Name,
    string Relation,
    PatientRelationship? Relationship,
    string Status,
    IReadOnlyList<string> Scopes,
    DateOnly? AccessEndsOn,
    int AgeYears,
    bool GuardianMustAttend,
    AdolescentShares? AdolescentShares,
    Guid? InvitationId);

public sealed record AdolescentShares(bool Messages, bool Results);

/// <summary>What the family feature reads over and over: today in the hospital's zone, the bands, and tokens.</summary>
public sealed class FamilyContext(IAppDbContext db, ICurrentUser currentUser, IOptions<FamilyOptions> family, IOptions<HospitalOptions> hospital, TimeProvider clock)
{
    public FamilyOptions Options => family.Value;

    public FamilyAgeBands Bands => family.Value.Bands;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => PatientAccessGuard.Today(clock, hospital.Value);

    public Guid AccountId => currentUser.RequireAccountId();

    /// <summary>The records the signed-in account holds as its own (Self).</summary>
    public async Task<List<Guid>> OwnPatientIdsAsync(CancellationToken cancellationToken)
    {
        var accountId = AccountId;
        return await db.PatientAccesses
            .Where(a => a.AccountId == accountId && a.Relationship == PatientRelationship.Self && a.RevokedAt == null)
            .Select(a => a.PatientId)
            .ToListAsync(cancellationToken);
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
}

/// <summary>One class renders every kind: the texts are short and share their shape ({name} is a person's name).</summary>
internal abstract class ProxyTemplate(string kind, string subjectZh, string bodyZh, string subjectEn, string bodyEn) : INotificationTemplate
{
    public string Kind => kind;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context)
    {
        var name = parameters.TryGetValue("name", out var value) ? value : string.Empty;
        return language == SupportedLanguages.English
            ? new EmailText(subjectEn, $"Dear {context.RecipientName},\n\n{bodyEn.Replace("{name}", name, StringComparison.Ordinal)}")
            : new EmailText(subjectZh, $"{context.RecipientName}，您好：\n\n{bodyZh.Replace("{name}", name, StringComparison.Ordinal)}");
    }
}

internal sealed class InvitationReceivedTemplate() : ProxyTemplate(
    ProxyNotifications.InvitationReceived,
    "家人请求代您使用互联网医院",
    "{name}请求作为您的家人代您预约、查看或办理就诊事务。请登录后查看请求，选择同意的范围和截止日期，或拒绝。您可随时撤销。",
    "A family member asks to act for you",
    "{name} asks to act for you at the hospital (book visits, see records or pay for you). Sign in to read the request, choose what you allow and until when, or decline. You can revoke it at any time.");

internal sealed class InvitationAcceptedTemplate() : ProxyTemplate(
    ProxyNotifications.InvitationAccepted,
    "家人已同意您代为办理",
    "{name}已同意您代其使用互联网医院。请登录后在就诊人中选择{name}。",
    "Your family member agreed",
    "{name} agreed that you act for them. Sign in and choose {name} in the person switcher.");

internal sealed class InvitationDeclinedTemplate() : ProxyTemplate(
    ProxyNotifications.InvitationDeclined,
    "家人未同意您代为办理",
    "{name}未同意您代其使用互联网医院。",
    "Your family member declined",
    "{name} did not agree that you act for them.");

internal sealed class AccessEndedTemplate() : ProxyTemplate(
    ProxyNotifications.AccessEnded,
    "您代家人办理的权限已结束",
    "您代{name}使用互联网医院的权限已结束，您将不再看到{name}的就诊信息。",
    "Your access for a family member has ended",
    "Your access to act for {name} has ended; you no longer see {name}'s records.");

internal sealed class GuardianAccessEndedTemplate() : ProxyTemplate(
    ProxyNotifications.GuardianAccessEnded,
    "您已年满18周岁：监护人代办权限已结束",
    "您已成年，{name}作为监护人代您办理的权限已自动结束，您的就诊信息现在只有您本人可以查看。如您仍希望{name}代您预约或缴费，可登录后在“谁可以代我办理”中重新授权，并选择范围和截止日期。",
    "You are 18: your guardian's access has ended",
    "You are now an adult, so {name}'s access as your guardian has ended by itself and only you see your records. If you would like {name} to keep helping (booking or paying for you), sign in and invite them back under \"Who acts for me\", choosing what they may do and until when.");
