using System.Text.RegularExpressions;

namespace InternetHospital.Infrastructure.His;

/// <summary>How the write adapters (HL7 v2 and FHIR alike) take apart the portal's free text.</summary>
internal static partial class HisText
{
    /// <summary>A note's lines: neither an HL7 value nor an XHTML paragraph can hold a line break.</summary>
    public static string[] Lines(string text) => LineBreak().Split(text);

    /// <summary>"5 mg" → ("5", "mg"); text that is not a number followed by a unit stays whole, without a unit.</summary>
    public static (string Amount, string? Unit) AmountAndUnit(string text)
    {
        var match = NumberAndUnit().Match(text.Trim());
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (text.Trim(), null);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(\S.*)$")]
    private static partial Regex NumberAndUnit();

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
