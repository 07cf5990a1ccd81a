using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

/// <summary>
/// An institution of the consortium a staff account works at; an account may belong to several. Every staff account
/// has its memberships here: a registrar, a nurse, a pharmacist, a system administrator (whose changes are limited to
/// its institutions); a doctor belongs to their department's facility (their primary one) and may be a member of others.
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
