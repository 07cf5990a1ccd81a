using InternetHospital.Api.Common;
using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.Payments;
using Mediator;

namespace InternetHospital.Api.Features.Payments;

/// <summary>
/// Stripe calls this; it has no user, so it is public and trusts nothing but the signature: a missing, forged or stale
/// Stripe-Signature gets 400 and changes nothing. Each event is applied at most once (by its event id).
/// </summary>
internal sealed partial class StripeWebhookEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/stripe/webhook", HandleAsync)
            .AllowAnonymous()
            .WithTags("Payments")
            .WithProblems()
            .WithSummary("Stripe webhook: payment_intent.succeeded, payment_intent.payment_failed, charge.refunded.");
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, ISender sender, ILogger<StripeWebhookEndpoints> logger, CancellationToken cancellationToken)
    {
        var webhooks = request.HttpContext.RequestServices.GetService<IPaymentWebhooks>();
        if (webhooks is null)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        RecordProviderEvent? paymentEvent;
        try
        {
            paymentEvent = webhooks.Parse(body, request.Headers["Stripe-Signature"].ToString());
        }
        catch (WebhookRejectedException exception)
        {
            LogRejected(logger, exception.Message);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The webhook was refused.",
                detail: exception.Message,
                extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = exception.Code });
        }

        if (paymentEvent is null)
        {
            return TypedResults.Ok(new { outcome = "ignored" });
        }

        var outcome = await sender.Send(paymentEvent, cancellationToken);
        return TypedResults.Ok(new { outcome = outcome.ToString().ToLowerInvariant() });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Stripe webhook was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
