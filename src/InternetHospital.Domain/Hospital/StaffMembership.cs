using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

/// <summary>
/// Which institution of the consortium a staff account works at (a registration desk, a pharmacy, a community nurse).
/// Doctors belong through their department; this is for everyone else, and the minimum the health code needs to know
/// where a scan happened (institutions as first-class, with scoped administrators, come later).
/// </summary>
public sealed class StaffMembership
{
    private StaffMembership()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid FacilityId { get; private set; }

    public static StaffMembership Create(Guid accountId, Guid facilityId) => new()
    {
        Id = NewId.Next(),
        AccountId = accountId,
        FacilityId = facilityId,
    };
}
