namespace InternetHospital.Application.Payments;

/// <summary>
/// Published inside the unit of work that recorded the outcome, so the feature that owns the thing paid for
/// (by <see cref="Purpose"/>) updates it in the same transaction. Handlers ignore other purposes.
/// </summary>
public sealed record PaymentSucceeded(Guid PaymentId, string Purpose, Guid ReferenceId, Guid PatientId) : INotification;

public sealed record PaymentFailed(Guid PaymentId, string Purpose, Guid ReferenceId, Guid PatientId, string Reason) : INotification;

public sealed record PaymentRefunded(Guid PaymentId, string Purpose, Guid ReferenceId, Guid PatientId, decimal Amount) : INotification;
