namespace InternetHospital.Application.Renewals;

/// <summary>
/// Published by the renewals feature whenever the number of a patient's renewal requests waiting for a doctor changes
/// (a request made, decided or withdrawn), inside its unit of work (before the commit). The family-doctor panel keeps
/// the count on the patient's care profile (see <c>FamilyDoctors.PendingRenewalsChangedHandler</c>), so "pending
/// renewal requests" is a plain indexed filter in the panel query instead of a call into another feature for each of
/// 2,000 patients. Renewals owns the event, so renewals needs nothing of family doctors.
/// </summary>
/// <param name="PendingCount">How many of the patient's renewal requests wait for a decision now.</param>
public sealed record PendingRenewalsChanged(Guid PatientId, int PendingCount) : INotification;
