using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Emergency;

/// <summary>
/// An emergency medical service that runs ambulances (a city's 急救中心, or a hospital's own fleet). It is not an
/// institution of the consortium, so its crews belong to it through <see cref="CrewMembership"/>, not StaffMembership.
/// </summary>
public sealed class AmbulanceService
{
    private AmbulanceService()
    {
        Code = Name = NameEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }

    /// <summary>A deactivated service keeps its cases and crews for the record, but its crews cannot work (start or change cases).</summary>
    public bool IsActive { get; private set; }

    public static AmbulanceService Create(string code, string name, string nameEn) => new()
    {
        Id = NewId.Next(),
        Code = code,
        Name = name,
        NameEn = nameEn,
        IsActive = true,
    };

    public void Update(string name, string nameEn, bool isActive)
    {
        Name = name;
        NameEn = nameEn;
        IsActive = isActive;
    }
}

/// <summary>A paramedic's service: the crew sees that service's open cases.</summary>
public sealed class CrewMembership
{
    private CrewMembership()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid ServiceId { get; private set; }

    public static CrewMembership Create(Guid accountId, Guid serviceId) => new() { Id = NewId.Next(), AccountId = accountId, ServiceId = serviceId };
}

/// <summary>
/// A hospital of the consortium that receives ambulances: its emergency department and where it is (for the ETA).
/// Kept beside the facility rather than on it, so institutions stay as they are.
/// </summary>
public sealed class ReceivingHospital
{
    private ReceivingHospital()
    {
    }

    public Guid Id { get; private set; }
    public Guid FacilityId { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>The emergency department's own line (the crew calls it when the channel is not enough).</summary>
    public string? EdPhone { get; private set; }

    public static ReceivingHospital Create(Guid facilityId, double latitude, double longitude, string? edPhone = null) => new()
    {
        Id = NewId.Next(),
        FacilityId = facilityId,
        Latitude = latitude,
        Longitude = longitude,
        EdPhone = edPhone,
    };

    public void Update(double latitude, double longitude, string? edPhone)
    {
        Latitude = latitude;
        Longitude = longitude;
        EdPhone = edPhone;
    }
}

/// <summary>A member of a hospital's stroke, chest-pain or trauma team: alerted when a case activates the pathway.</summary>
public sealed class PathwayTeamMember
{
    private PathwayTeamMember()
    {
    }

    public Guid Id { get; private set; }
    public Guid FacilityId { get; private set; }
    public EmergencyPathway Pathway { get; private set; }
    public Guid AccountId { get; private set; }

    public static PathwayTeamMember Create(Guid facilityId, EmergencyPathway pathway, Guid accountId) =>
        pathway == EmergencyPathway.General
            ? throw new ArgumentException("The general pathway has no team.", nameof(pathway))
            : new() { Id = NewId.Next(), FacilityId = facilityId, Pathway = pathway, AccountId = accountId };
}
