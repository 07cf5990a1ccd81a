using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.Common.Behaviours;

/// <summary>Logs each use case by name and duration; never the message body (it may hold personal data).</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed.TotalMilliseconds > 500)
            {
                LogSlow(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {UseCase} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow use case {UseCase} took {ElapsedMs:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string useCase, double elapsedMs);
}
