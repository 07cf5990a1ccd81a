namespace InternetHospital.Domain.Patients;

/// <summary>
/// What an account may do for a patient it acts for (MyChart-style proxy scopes). Stored as bits; the API speaks
/// them as a list of lower-case names.
/// </summary>
[Flags]
public enum PatientScope
{
    None = 0,
    Appointments = 1,
    Results = 2,
    Medications = 4,
    Messages = 8,
    Payments = 16,
    All = Appointments | Results | Medications | Messages | Payments,
}

/// <summary>The family relation an account holder names for a person they act for.</summary>
public enum FamilyRelation
{
    Self = 1,
    Child = 2,
    Parent = 3,
    Spouse = 4,
    Other = 5,
}

/// <summary>The age bands of proxy access (domain rules 4 and 24); hospital configuration, these are the defaults.</summary>
public sealed record FamilyAgeBands(int GuardianMustAttendUnder = 6, int ConfidentialFrom = 14, int AdultAt = 18);

public static class PatientScopes
{
    public static readonly (PatientScope Scope, string Name)[] Names =
    [
        (PatientScope.Appointments, "appointments"),
        (PatientScope.Results, "results"),
        (PatientScope.Medications, "medications"),
        (PatientScope.Messages, "messages"),
        (PatientScope.Payments, "payments"),
    ];

    public static IReadOnlyList<string> ToNames(PatientScope scopes) =>
        [.. Names.Where(n => scopes.HasFlag(n.Scope)).Select(n => n.Name)];

    /// <summary>Null when a name is not a scope (the caller answers 400).</summary>
    public static PatientScope? Parse(IEnumerable<string>? names)
    {
        var scopes = PatientScope.None;
        foreach (var name in names ?? [])
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
            if (match.Name is null)
            {
                return null;
            }

            scopes |= match.Scope;
        }

        return scopes;
    }
}
