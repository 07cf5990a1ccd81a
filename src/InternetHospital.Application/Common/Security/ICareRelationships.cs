namespace InternetHospital.Application.Common.Security;

/// <summary>
/// Which doctors look after a patient between visits: the signed family-doctor team (domain rule 15: staff see what
/// their relationship allows). Renewals route requests to these doctors first; the panel and messaging rely on it.
/// The family-doctor feature provides the implementation (<c>FamilyDoctors/ContractCareRelationships</c>): the members
/// of the team whose contract with the patient is in force.
/// </summary>
public interface ICareRelationships
{
    /// <summary>Doctor ids (<c>Doctor.Id</c>) of the patient's active family-doctor team, the lead first.</summary>
    Task<IReadOnlyList<Guid>> FamilyDoctorsOfAsync(Guid patientId, CancellationToken cancellationToken);

    Task<bool> IsFamilyDoctorOfAsync(Guid doctorId, Guid patientId, CancellationToken cancellationToken);
}
