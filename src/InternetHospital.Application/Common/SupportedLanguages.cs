namespace InternetHospital.Application.Common;

/// <summary>The languages the portal speaks, as BCP 47 tags. Chinese is the hospital's working language.</summary>
public static class SupportedLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Chinese, English];

    public static bool IsSupported(string? tag) => tag is not null && All.Contains(tag, StringComparer.Ordinal);
}
