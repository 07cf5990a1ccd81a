using System.Globalization;

namespace InternetHospital.Application.Notifications;

/// <summary>
/// How notification and e-mail texts write money and times: the way the SPA shows them on screen (its Intl formats:
/// "¥40.00" / "CN¥40.00", "2026年12月7日 星期一 09:30（北京时间）" / "Monday 7 December 2026, 09:30 (Beijing time)"), so a
/// text never mixes a currency code or an IANA zone id into a sentence of the reader's language.
/// </summary>
public static class NoticeFormat
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish(string language) => language == SupportedLanguages.English;

    /// <summary>An amount as notification parameters carry it ("40.00", invariant) with its ISO currency code.</summary>
    public static string Money(string amount, string currency, string language) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Money(value, currency, language) : $"{amount} {currency}";

    public static string Money(decimal amount, string currency, string language)
    {
        var number = amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return (currency.ToUpperInvariant(), IsEnglish(language)) switch
        {
            // Note: the same symbols as Intl.NumberFormat in the SPA (zh-CN "¥", en-GB "CN¥" to tell it from the yen).
            ("CNY", false) => $"¥{number}",
            ("CNY", true) => $"CN¥{number}",
            ("USD", false) => $"US${number}",
            ("USD", true) => $"US${number}",
            ("EUR", _) => $"€{number}",
            _ => $"{currency} {number}",
        };
    }

    /// <summary>An instant in the hospital's zone with the zone named in the reader's language (an offset for zones without a name).</summary>
    public static string When(DateTimeOffset instant, string timeZone, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var english = IsEnglish(language);
        var zoneName = timeZone == "Asia/Shanghai"
            ? (english ? "Beijing time" : "北京时间")
            : "UTC" + (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return english
            ? $"{local.ToString("dddd d MMMM yyyy, HH:mm", English)} ({zoneName})"
            : $"{local.ToString("yyyy年M月d日 dddd HH:mm", Chinese)}（{zoneName}）";
    }

    /// <summary>An ISO 8601 instant as notification parameters carry it.</summary>
    public static string When(string iso, string timeZone, string language) =>
        When(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture), timeZone, language);
}
