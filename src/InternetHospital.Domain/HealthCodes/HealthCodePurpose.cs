using InternetHospital.Domain.Accounts;

namespace InternetHospital.Domain.HealthCodes;

/// <summary>Why a desk scans a health code; each purpose is open to the roles that do that work (domain rule 27).</summary>
public enum HealthCodePurpose
{
    CheckIn = 1,
    Pickup = 2,
    HomeVisit = 3,
    Emergency = 4,
}

public static class HealthCodePurposes
{
    private static readonly (HealthCodePurpose Purpose, string Name, string[] Roles)[] Table =
    [
        (HealthCodePurpose.CheckIn, "check-in", [Roles.Registrar, Roles.Doctor, Roles.Nurse]),
        (HealthCodePurpose.Pickup, "pickup", [Roles.Pharmacist]),
        (HealthCodePurpose.HomeVisit, "home-visit", [Roles.Nurse, Roles.Doctor]),
        (HealthCodePurpose.Emergency, "emergency", [Roles.Doctor, Roles.Nurse]),
    ];

    public static HealthCodePurpose? Parse(string? name) =>
        Table.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal)) is { Name: not null } match ? match.Purpose : null;

    public static string NameOf(HealthCodePurpose purpose) => Table.Single(t => t.Purpose == purpose).Name;

    /// <summary>Whether an account holding <paramref name="roles"/> may scan for <paramref name="purpose"/>.</summary>
    public static bool IsAllowed(HealthCodePurpose purpose, IEnumerable<string> roles) =>
        Table.Single(t => t.Purpose == purpose).Roles.Intersect(roles, StringComparer.Ordinal).Any();
}
