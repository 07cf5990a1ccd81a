using InternetHospital.Application.Doctors;

namespace InternetHospital.Application.Administration;

public sealed record DepartmentAdminView(Guid Id, string Code, string Name, string NameEn, FacilityRef Facility, IReadOnlyList<string> Conditions, int Doctors);
