using InternetHospital.Api.Common;
using InternetHospital.Application.Payments;
using Mediator;

namespace InternetHospital.Api.Features.Payments;

internal sealed class PaymentEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payments").WithTags("Payments").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization();
        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPayment(id), ct)))
            .WithSummary("One of your payments, with its history.");
        group.MapGet("/methods", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPaymentMethods(), ct)))
            .WithSummary("The ways to pay the hospital offers (providers and their channels), in its order.");
        group.MapPost("/{id:guid}/checkout", async (Guid id, CheckoutBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckoutPayment(id, body.Provider, body.Channel, OpenId: null, http.Connection.RemoteIpAddress?.ToString(), body.OAuthCode, body.OAuthState), ct)))
            .WithSummary("Pay your pending payment with WeChat Pay or Alipay: places the order and says what the browser does next (QR code, redirect, JSAPI).");
        // Note: the pay step exists only while the simulated gateway is the gateway (Development, tests, a staging site
        // that opted in): with a real gateway a patient must never be able to mark their own fee paid.
        if (!app.ServiceProvider.GetRequiredService<IPaymentGateway>().IsSimulated)
        {
            return;
        }

        group.MapPost("/{id:guid}/simulate", async (Guid id, SimulateRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SimulatePayment(id, body.Outcome), ct)))
            .WithSummary("Simulated gateway only: complete your pending payment as paid or declined.");
    }

    internal sealed record SimulateRequest(SimulatedOutcome Outcome);

    /// <summary>
    /// Note: the payer's openid is never taken from the browser: the server gets it from WeChat for the code
    /// (<paramref name="OAuthCode"/>) that WeChat's web authorization sent the payer back with.
    /// </summary>
    internal sealed record CheckoutBody(string Provider, string Channel, string? OAuthCode, string? OAuthState);
}
