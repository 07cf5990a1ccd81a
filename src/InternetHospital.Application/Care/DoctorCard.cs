using InternetHospital.Application.Doctors;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Care;

public sealed record DoctorCard(
    Guid Id,
    string Name,
    string Title,
    string TitleEn,
    DepartmentRef Department,
    FacilityRef Facility,
    string Specialties,
    string SpecialtiesEn,
    IReadOnlyList<string> Languages,
    bool HasPhoto,
    bool IsFamilyDoctor,
    bool OffersVideo,
    decimal InPersonFee,
    decimal VideoFee,
    DateTimeOffset? NextFreeSlot,
    int FreeSlots)
{
    public static DoctorCard From(Doctor d, DepartmentRef department, FacilityRef facility, DateOnly today, DateTimeOffset? next, int count) => new(
        d.Id, d.FullName, d.Title, d.TitleEn, department, facility, d.Specialties, d.SpecialtiesEn, d.Languages, d.PhotoFileId is not null,
        d.IsFamilyDoctor, d.CanSeeOnVideo(today), d.InPersonFee, d.VideoFee, next, count);
}
