using InternetHospital.Application.Payments;

namespace InternetHospital.Infrastructure.Payments;

/// <summary>
/// The embedded default for development and E2E: no money moves. The patient's "pay" step decides the outcome
/// (<c>SimulatePayment</c>); refunds complete at once.
/// </summary>
internal sealed class SimulatedPaymentGateway : IPaymentGateway
{
    public const string ProviderName = "Simulated";

    public string Name => ProviderName;

    public bool IsSimulated => true;

    public Task<GatewayIntent> CreateIntentAsync(GatewayIntentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayIntent($"sim_{request.PaymentId:N}", ClientSecret: null));

    public Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayRefund($"simre_{request.PaymentId:N}", Completed: true));
}
