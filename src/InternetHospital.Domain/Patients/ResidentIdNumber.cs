using System.Globalization;

namespace InternetHospital.Domain.Patients;

/// <summary>
/// A Chinese resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
/// 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly dateOfBirth, Sex sex)
    {
        Value = value;
        DateOfBirth = dateOfBirth;
        Sex = sex;
    }

    public string Value { get; }
    public DateOnly DateOfBirth { get; }
    public Sex Sex { get; }

    public static bool TryParse(string? input, out ResidentIdNumber? result)
    {
        result = null;
        if (input is null)
        {
            return false;
        }

        var value = input.Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        if (value[17] != CheckCharacterFor(value))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return false;
        }

        var sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        result = new ResidentIdNumber(value, birth, sex);
        return true;
    }

    /// <summary>Whether the last character is the correct check character for the first seventeen.</summary>
    public static bool HasValidChecksum(string? input)
    {
        if (input is null || input.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(input[i]))
            {
                return false;
            }
        }

        return char.ToUpperInvariant(input[17]) == CheckCharacterFor(input);
    }

    /// <summary>The check character for the first seventeen digits (used by the demo data and tests to build valid numbers).</summary>
    public static char CheckCharacterFor(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => IdentifierMask.Mask(Value);
}
