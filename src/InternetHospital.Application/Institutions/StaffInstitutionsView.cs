namespace InternetHospital.Application.Institutions;

/// <summary>
/// A staff account and the institutions it works at. <paramref name="PrimaryInstitutionId"/> is a doctor's department's
/// institution (not a membership: it follows the department).
/// </summary>
public sealed record StaffInstitutionsView(Guid AccountId, string FullName, string Email, IReadOnlyList<string> Roles, Guid? PrimaryInstitutionId, IReadOnlyList<Guid> InstitutionIds);
