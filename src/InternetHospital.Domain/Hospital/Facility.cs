using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.Hospital;

public enum FacilityKind
{
    Hospital = 1,
    CommunityHealthCentre = 2,
}

/// <summary>A member of the consortium: the hospital or one of its community clinics.</summary>
public sealed class Facility
{
    private Facility()
    {
        Code = Name = NameEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public FacilityKind Kind { get; private set; }

    public static Facility Create(string code, string name, string nameEn, FacilityKind kind) => new()
    {
        Id = NewId.Next(),
        Code = code,
        Name = name,
        NameEn = nameEn,
        Kind = kind,
    };
}
