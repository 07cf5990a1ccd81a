using System.Globalization;

namespace InternetHospital.Application.Sms;

/// <summary>
/// A text message the hospital has had approved by its SMS provider (a sign name plus a template with variables; the
/// provider sends nothing else). The portal names the template by <see cref="Key"/>; the provider's template id comes from
/// <c>Sms:Templates:{Key}</c>. <see cref="Chinese"/> and <see cref="English"/> are the texts to file for approval (and what
/// the development sink shows).
/// </summary>
/// <param name="IsReminder">A reminder waits for the end of the person's quiet hours (22:00-07:00); anything else goes at once.</param>
public sealed record SmsTemplate(string Key, bool IsReminder, IReadOnlyList<string> Parameters, string Chinese, string English)
{
    /// <summary>The text with its parameters filled in, as the provider would render it.</summary>
    public string Render(string language, IReadOnlyDictionary<string, string> values)
    {
        var text = language == SupportedLanguages.English ? English : Chinese;
        foreach (var name in Parameters)
        {
            text = text.Replace("${" + name + "}", values.GetValueOrDefault(name, string.Empty), StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>The approved templates. Their parameters are names, times and codes only (<see cref="SmsParameter"/>): no medical details.</summary>
public static class SmsTemplates
{
    public static readonly SmsTemplate SignInCode = new(
        "sign_in_code", IsReminder: false, ["code"],
        "您的登录验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。",
        "Your sign-in code is ${code}. It is valid for 5 minutes. If you did not ask for it, ignore this message.");

    public static readonly SmsTemplate RegistrationCode = new(
        "registration_code", IsReminder: false, ["code"],
        "您正在注册互联网医院，验证码为${code}，5分钟内有效。",
        "Your registration code is ${code}. It is valid for 5 minutes.");

    public static readonly SmsTemplate AppointmentReminder = new(
        "appointment_reminder", IsReminder: true, ["patient", "doctor", "time"],
        "${patient}，您预约的${doctor}医生的就诊时间为${time}（北京时间），请准时登录或到院。",
        "${patient}, your appointment with Dr ${doctor} is at ${time} (Beijing time). Please be on time.");

    public static readonly SmsTemplate AppointmentCancelled = new(
        "appointment_cancelled", IsReminder: false, ["patient", "doctor", "time"],
        "${patient}，您预约的${doctor}医生${time}（北京时间）的就诊已取消，详情请登录互联网医院查看。",
        "${patient}, your appointment with Dr ${doctor} at ${time} (Beijing time) was cancelled. Details are in the portal.");

    public static IReadOnlyList<SmsTemplate> All { get; } = [SignInCode, RegistrationCode, AppointmentReminder, AppointmentCancelled];
}

public enum SmsParameterKind
{
    Name = 1,
    Time = 2,
    Code = 3,
}

/// <summary>
/// One value for an SMS template. It can only be built as a person's name, a time or a code, each checked, so no free
/// text (and so no diagnosis, drug or result) can reach a text message by construction.
/// </summary>
public readonly record struct SmsParameter
{
    /// <summary>Names longer than this are cut (providers limit a variable; Alibaba Cloud to 35 characters).</summary>
    public const int MaxNameLength = 20;

    private SmsParameter(SmsParameterKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public SmsParameterKind Kind { get; }
    public string Value { get; }

    /// <summary>A person's name: letters (any script), spaces, '·', '-', '\'' and '.' only.</summary>
    public static SmsParameter Name(string name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0 || !trimmed.All(c => char.IsLetter(c) || c is ' ' or '·' or '-' or '\'' or '.'))
        {
            throw new ArgumentException("An SMS name parameter holds letters only.", nameof(name));
        }

        return new SmsParameter(SmsParameterKind.Name, trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed);
    }

    /// <summary>A time in the given zone, "2026-12-08 09:30".</summary>
    public static SmsParameter Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        new(SmsParameterKind.Time, TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>A one-time code: 4 to 8 digits.</summary>
    /// <remarks>The parameter is not called "code": problem-code scans follow every argument of that name.</remarks>
    public static SmsParameter Code(string digits)
    {
        if (digits is null || digits.Length is < 4 or > 8 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An SMS code parameter is 4 to 8 digits.", nameof(digits));
        }

        return new SmsParameter(SmsParameterKind.Code, digits);
    }
}
