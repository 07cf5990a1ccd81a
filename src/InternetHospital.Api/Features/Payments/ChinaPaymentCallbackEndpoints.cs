using InternetHospital.Api.Common;
using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.Payments;
using InternetHospital.Infrastructure.Payments.China;
using Mediator;

namespace InternetHospital.Api.Features.Payments;

/// <summary>
/// WeChat Pay and Alipay call these; they have no user, so they are public and trust nothing but the provider's
/// signature: a forged, stale or tampered callback gets 400 and changes nothing. Each event is applied at most once.
/// A callback whose amount differs from the order is refused (400 payment_amount_mismatch) and listed for staff.
/// WeChat Pay takes 204 as received; Alipay wants the text <c>success</c> (anything else makes it retry).
/// </summary>
internal sealed partial class ChinaPaymentCallbackEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/wechatpay/notify", WeChatPayAsync)
            .AllowAnonymous()
            .WithTags("Payments")
            .WithProblems()
            .WithSummary("WeChat Pay callback: TRANSACTION.SUCCESS, REFUND.SUCCESS (signed, resource AEAD_AES_256_GCM).");
        app.MapPost("/api/payments/alipay/notify", AlipayAsync)
            .AllowAnonymous()
            .WithTags("Payments")
            .WithProblems()
            .WithSummary("Alipay asynchronous notification: trade_status_sync (RSA2-signed form).");
    }

    private static async Task<IResult> WeChatPayAsync(HttpRequest request, ISender sender, ILogger<ChinaPaymentCallbackEndpoints> logger, CancellationToken cancellationToken)
    {
        var callbacks = request.HttpContext.RequestServices.GetService<WeChatPayCallbacks>();
        if (callbacks is null)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var headers = new WeChatPayCallbackHeaders(
            request.Headers["Wechatpay-Serial"].ToString(), request.Headers["Wechatpay-Signature"].ToString(), request.Headers["Wechatpay-Timestamp"].ToString(), request.Headers["Wechatpay-Nonce"].ToString());
        RecordProviderEvent? paymentEvent;
        try
        {
            paymentEvent = callbacks.Parse(body, headers);
        }
        catch (WebhookRejectedException exception)
        {
            return Rejected(logger, WeChatPayCallbacks.Provider, exception.Code, exception.Message);
        }

        return await ApplyAsync(sender, logger, WeChatPayCallbacks.Provider, paymentEvent, TypedResults.NoContent(), cancellationToken);
    }

    private static async Task<IResult> AlipayAsync(HttpRequest request, ISender sender, ILogger<ChinaPaymentCallbackEndpoints> logger, CancellationToken cancellationToken)
    {
        var notifications = request.HttpContext.RequestServices.GetService<AlipayNotifications>();
        if (notifications is null)
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return Rejected(logger, AlipayNotifications.Provider, "invalid_webhook_body", "The notification is not a form.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        RecordProviderEvent? paymentEvent;
        try
        {
            paymentEvent = notifications.Parse(parameters);
        }
        catch (WebhookRejectedException exception)
        {
            return Rejected(logger, AlipayNotifications.Provider, exception.Code, exception.Message);
        }

        return await ApplyAsync(sender, logger, AlipayNotifications.Provider, paymentEvent, TypedResults.Text("success"), cancellationToken);
    }

    private static async Task<IResult> ApplyAsync(ISender sender, ILogger logger, string provider, RecordProviderEvent? paymentEvent, IResult received, CancellationToken cancellationToken)
    {
        if (paymentEvent is null)
        {
            return received;
        }

        var outcome = await sender.Send(paymentEvent, cancellationToken);
        if (outcome == ProviderEventOutcome.AmountMismatch)
        {
            return Rejected(logger, provider, "payment_amount_mismatch", $"The amount of {paymentEvent.ProviderReference} differs from the order; listed for staff.");
        }

        LogApplied(logger, provider, paymentEvent.EventId, outcome);
        return received;
    }

    private static IResult Rejected(ILogger logger, string provider, string code, string reason)
    {
        LogRejected(logger, provider, reason);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The callback was refused.",
            detail: reason,
            extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = code });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Provider} callback was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} callback {EventId}: {Outcome}")]
    private static partial void LogApplied(ILogger logger, string provider, string eventId, ProviderEventOutcome outcome);
}
