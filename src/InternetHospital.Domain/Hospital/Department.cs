using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

public sealed class Department
{
    private Department()
    {
        Code = Name = NameEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid FacilityId { get; private set; }
    public string Code { get; private set; }

    /// <summary>Name in Chinese (the hospital's working language).</summary>
    public string Name { get; private set; }

    public string NameEn { get; private set; }

    public static Department Create(Guid facilityId, string code, string name, string nameEn) => new()
    {
        Id = NewId.Next(),
        FacilityId = facilityId,
        Code = code,
        Name = name,
        NameEn = nameEn,
    };
}
