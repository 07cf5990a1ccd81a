using System.Diagnostics;
using InternetHospital.Application.Common.Telemetry;

namespace InternetHospital.Application.Common.Behaviours;

/// <summary>
/// One span per use case, named after the request type (<c>BookAppointment</c>), so a trace shows which use case
/// a request ran and how long its validation, queries and commit took. The message itself is never recorded: it may
/// hold names, ID numbers or message text.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity(UseCase, ActivityKind.Internal);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // Note: the exception's type only; its message may quote input.
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
