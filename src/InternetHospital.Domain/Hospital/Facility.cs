using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

/// <summary>What the institution does in the consortium: the hospital takes referrals up, a community centre refers up.</summary>
public enum FacilityKind
{
    Hospital = 1,
    CommunityHealthCentre = 2,
}

/// <summary>The national grade of a medical institution (三级 / 二级 / 一级, the last being community care).</summary>
public enum FacilityLevel
{
    Tertiary = 1,
    Secondary = 2,
    Community = 3,
}

/// <summary>How the portal talks to an institution's own HIS (its write side; reads stay with the consortium's HIS).</summary>
public enum FacilityHisAdapter
{
    /// <summary>The consortium's HIS as configured under <c>His:</c>.</summary>
    ConsortiumDefault = 0,

    /// <summary>FHIR R4 REST at <see cref="Facility.HisEndpoint"/>.</summary>
    Fhir = 1,
}

/// <summary>
/// A member of the consortium (医联体): the city hospital or one of its community clinics, with its own settings.
/// Secrets of its HIS (a bearer token) are never stored here: they are configuration, named by the facility code
/// (<c>His:Institutions:{Code}:BearerToken</c>).
/// </summary>
public sealed class Facility
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private Facility()
    {
        Code = Name = NameEn = string.Empty;
        TimeZone = DefaultTimeZone;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public FacilityKind Kind { get; private set; }
    public FacilityLevel Level { get; private set; }

    /// <summary>IANA time zone of the institution's local day (opening hours, "today" at its desks).</summary>
    public string TimeZone { get; private set; }

    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public FacilityHisAdapter HisAdapter { get; private set; }

    /// <summary>Base URL of the institution's own HIS (with <see cref="FacilityHisAdapter.Fhir"/>).</summary>
    public string? HisEndpoint { get; private set; }

    public static Facility Create(string code, string name, string nameEn, FacilityKind kind) => new()
    {
        Id = NewId.Next(),
        Code = code,
        Name = name,
        NameEn = nameEn,
        Kind = kind,
        Level = kind == FacilityKind.Hospital ? FacilityLevel.Tertiary : FacilityLevel.Community,
    };

    /// <summary>A community-level institution refers up, any other refers down (the kind follows the level).</summary>
    public void Update(string name, string nameEn, FacilityLevel level, string timeZone, string? address, string? phone)
    {
        Name = name;
        NameEn = nameEn;
        Level = level;
        Kind = level == FacilityLevel.Community ? FacilityKind.CommunityHealthCentre : FacilityKind.Hospital;
        TimeZone = timeZone;
        Address = address;
        Phone = phone;
    }

    public void ConnectHis(FacilityHisAdapter adapter, string? endpoint)
    {
        if (adapter != FacilityHisAdapter.ConsortiumDefault && string.IsNullOrWhiteSpace(endpoint))
        {
            throw new DomainRuleException("his_endpoint_required", "An institution's own HIS needs its endpoint.");
        }

        HisAdapter = adapter;
        HisEndpoint = adapter == FacilityHisAdapter.ConsortiumDefault ? null : endpoint!.Trim();
    }
}
