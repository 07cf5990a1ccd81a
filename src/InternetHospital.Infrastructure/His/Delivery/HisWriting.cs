using InternetHospital.Application.His;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Infrastructure.His.Delivery;

/// <summary>
/// Who a message is about, as the HIS needs to know them. Resolved when the message is delivered, not when it is
/// written, so the outbox payload never holds an identity number in clear.
/// </summary>
internal sealed record HisPatientRef(
    Guid PatientId,
    string? HisPatientId,
    string FullName,
    DateOnly DateOfBirth,
    string Sex,
    string? Mobile,
    IdDocumentType? IdType,
    string? IdNumber)
{
    /// <summary>The temporary name an unidentified emergency patient is registered under (无名氏, "unknown").</summary>
    public const string UnidentifiedName = "无名氏";

    /// <summary>An emergency patient not yet identified: keyed by the case, with no birth date, ID or phone.</summary>
    public static HisPatientRef Unidentified(Guid caseId, string? sex) =>
        new(caseId, null, UnidentifiedName, default, sex ?? "Unknown", null, null, null) { IsUnidentified = true };

    public bool IsUnidentified { get; init; }
}

/// <summary>An outbox message on its way: its stable id (what the HIS de-duplicates on), the typed message and the patient.</summary>
internal sealed record HisOutboundMessage(Guid MessageId, HisMessage Message, HisPatientRef Patient, DateTimeOffset CreatedAt);

/// <summary>A write adapter: delivers one message, or throws <see cref="HisDeliveryException"/>.</summary>
internal interface IHisWriter
{
    Task DeliverAsync(HisOutboundMessage message, CancellationToken cancellationToken);
}

internal enum HisFailure
{
    /// <summary>The HIS could not be reached or did not answer in time: worth retrying soon, and counted by the circuit breaker.</summary>
    Unreachable,

    /// <summary>The HIS answered and refused the message (HL7 AE/AR, FHIR 4xx): retried later, dead-lettered in the end.</summary>
    Rejected,
}

internal sealed class HisDeliveryException(HisFailure failure, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public HisFailure Failure { get; } = failure;
}
