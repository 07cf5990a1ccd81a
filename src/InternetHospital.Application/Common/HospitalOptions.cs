using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Common;

/// <summary>Section <c>Hospital</c>: who the portal belongs to and where it lives.</summary>
public sealed class HospitalOptions
{
    public const string Section = "Hospital";

    [Required]
    public string Name { get; set; } = "互联网医院";

    [Required]
    public string NameEn { get; set; } = "InternetHospital";

    /// <summary>IANA time zone the hospital works in; times are stored in UTC and shown in this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The portal's public address, used for links in e-mails.</summary>
    [Required]
    [Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The SPA signs a user out after this long without any interaction (medical data on shared devices).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The language used for a person who has not chosen one.</summary>
    public string DefaultLanguage { get; set; } = SupportedLanguages.Chinese;

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public string NameIn(string language) => language == SupportedLanguages.English ? NameEn : Name;
}
