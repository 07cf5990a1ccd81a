namespace InternetHospital.Application.Payments;

/// <summary>The ways to pay the hospital offers, in its order: each provider with its channels (none for Stripe or the simulation).</summary>
public sealed record GetPaymentMethods : IQuery<IReadOnlyList<PaymentMethodView>>
{
    public sealed class Handler(IPaymentGateways gateways) : IQueryHandler<GetPaymentMethods, IReadOnlyList<PaymentMethodView>>
    {
        public ValueTask<IReadOnlyList<PaymentMethodView>> Handle(GetPaymentMethods query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<PaymentMethodView>>(gateways.All
                .Select(g => new PaymentMethodView(g.Name, g is ICheckoutGateway checkout ? checkout.Channels : [], g.IsSimulated))
                .ToList());
    }
}

public sealed record PaymentMethodView(string Provider, IReadOnlyList<string> Channels, bool Simulated);
