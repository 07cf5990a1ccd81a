namespace InternetHospital.Application.Payments;

/// <summary>
/// Where the payer sees what a payment was for. Each feature that takes payments registers one for its purpose,
/// so a receipt or refund notice opens the appointment or the renewal rather than a page about the payment.
/// </summary>
public sealed record PaymentLink(string Purpose, Func<Guid, string> PathFor);
