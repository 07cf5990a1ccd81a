using System.ComponentModel.DataAnnotations;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Common.Security;

/// <summary>Section <c>Family</c>: the age bands of proxy access and the limits of family members (domain rules 4 and 24).</summary>
public sealed class FamilyOptions
{
    public const string Section = "Family";

    /// <summary>Under this age a child is seen online only with a guardian present.</summary>
    [Range(1, 17)]
    public int GuardianMustAttendUnder { get; set; } = 6;

    /// <summary>From this age a guardian no longer reads the child's messages or sensitive results unless the child shares them.</summary>
    [Range(1, 17)]
    public int ConfidentialFrom { get; set; } = 14;

    /// <summary>At this age the guardian's access ends by itself.</summary>
    [Range(16, 21)]
    public int AdultAt { get; set; } = 18;

    /// <summary>How many people one account may act for, besides itself.</summary>
    [Range(1, 50)]
    public int MaxMembersPerAccount { get; set; } = 10;

    /// <summary>How many accounts (guardians and proxies) may act for one person.</summary>
    [Range(1, 50)]
    public int MaxProxiesPerPatient { get; set; } = 10;

    /// <summary>How long an invitation link stays valid.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the job that ends guardian access at the age of majority runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccessJobInterval { get; set; } = TimeSpan.FromHours(1);

    public FamilyAgeBands Bands => new(GuardianMustAttendUnder, ConfidentialFrom, AdultAt);
}

/// <summary>The names the API speaks for relations (lower case, as the SPA's texts are keyed).</summary>
public static class FamilyNames
{
    public static string Relation(FamilyRelation relation) => relation.ToString().ToLowerInvariant();

    public static FamilyRelation? ParseRelation(string? name) =>
        Enum.TryParse<FamilyRelation>(name, ignoreCase: true, out var relation) && Enum.IsDefined(relation) && !int.TryParse(name, out _) ? relation : null;
}
