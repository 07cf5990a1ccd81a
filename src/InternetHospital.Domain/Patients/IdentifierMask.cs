namespace InternetHospital.Domain.Patients;

/// <summary>How identity numbers are shown everywhere: never whole (e.g. <c>4401**********1234</c>).</summary>
public static class IdentifierMask
{
    public static string Mask(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var value = identifier.Trim();
        if (value.Length >= 12)
        {
            return string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
        }

        if (value.Length >= 6)
        {
            return string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 3), value.AsSpan(value.Length - 2));
        }

        return new string('*', value.Length);
    }
}
