namespace InternetHospital.Application.Payments;

/// <summary>
/// What a payment is for, as it stands now: the parameters a receipt, a declined payment or a refund notice names
/// it by (for an appointment its current time and doctor, so a refund after a reschedule names the new time). Each
/// feature that takes payments registers one for its purpose; the texts are written in the reader's language from
/// these parameters, never from the payment's stored description (bilingual, written once at payment time).
/// </summary>
public interface IPaymentSubject
{
    string Purpose { get; }

    /// <summary>Parameters naming the thing paid for, always with <c>item</c> (e.g. <c>appointment</c>); null if it is gone.</summary>
    Task<IReadOnlyDictionary<string, string>?> DescribeAsync(Guid referenceId, CancellationToken cancellationToken);
}
