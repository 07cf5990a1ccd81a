using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>The ambulance services; <paramref name="CanManage"/>: the caller may add and change them (the consortium's administrator).</summary>
public sealed record AmbulanceServicesOverview(bool CanManage, IReadOnlyList<AmbulanceServiceAdminView> Services);

/// <summary>An ambulance service with its crew; <paramref name="Editable"/>: the caller may change it (the consortium's administrator).</summary>
public sealed record AmbulanceServiceAdminView(Guid Id, string Code, string Name, string NameEn, bool IsActive, IReadOnlyList<CrewMemberView> Crew, bool Editable);

public sealed record CrewMemberView(Guid AccountId, string FullName, string Email);

/// <summary>
/// An institution as the emergency set-up sees it: whether it receives ambulances (then where it is and its emergency
/// department's phone) and its pathway teams. <paramref name="Editable"/>: the caller administers this institution.
/// </summary>
public sealed record ReceivingHospitalAdminView(
    Guid FacilityId,
    string Code,
    string Name,
    string NameEn,
    bool Receives,
    double? Latitude,
    double? Longitude,
    string? EdPhone,
    IReadOnlyList<PathwayTeamMemberView> TeamMembers,
    bool Editable);

public sealed record PathwayTeamMemberView(Guid Id, EmergencyPathway Pathway, Guid AccountId, string FullName, string Email);

/// <summary>The audit actions of the emergency set-up (who changed which service, crew, hospital or team).</summary>
internal static class EmergencyAdminAudit
{
    public const string ServiceResource = "AmbulanceService";
    public const string HospitalResource = "ReceivingHospital";
    public const string ServiceCreated = "emergency.service_created";
    public const string ServiceChanged = "emergency.service_changed";
    public const string CrewAdded = "emergency.crew_added";
    public const string CrewRemoved = "emergency.crew_removed";
    public const string HospitalSet = "emergency.receiving_hospital_set";
    public const string TeamMemberAdded = "emergency.team_member_added";
    public const string TeamMemberRemoved = "emergency.team_member_removed";
}
