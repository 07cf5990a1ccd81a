using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.Common.Behaviours;

/// <summary>
/// Logs each use case by name and duration; never the message body (it may hold personal data). A slow one is a
/// warning, at most one a second per use case, carrying how many slow ones it stands for since the previous warning.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowAfter = TimeSpan.FromMilliseconds(500);

    // Note: per use case (one set per closed generic type). At the release hour every request is slow, and a warning
    // line per request made the console logger's lock the most contended one in the process (15% of the booking
    // benchmark's thread time waited on it), so the warnings themselves slowed every request further.
    private static long nextSlowWarningAt = long.MinValue;
    private static int foldedSlow;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var ended = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(started, ended);
            if (elapsed > SlowAfter)
            {
                WarnSlow(ended, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
            }
        }
    }

    private void WarnSlow(long now, double elapsedMs)
    {
        var due = Interlocked.Read(ref nextSlowWarningAt);
        if (now < due || Interlocked.CompareExchange(ref nextSlowWarningAt, now + clock.TimestampFrequency, due) != due)
        {
            Interlocked.Increment(ref foldedSlow);
            return;
        }

        LogSlow(logger, typeof(TMessage).Name, elapsedMs, Interlocked.Exchange(ref foldedSlow, 0));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {UseCase} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow use case {UseCase} took {ElapsedMs:0.0} ms ({FoldedSlow} more slow since the previous warning)")]
    private static partial void LogSlow(ILogger logger, string useCase, double elapsedMs, int foldedSlow);
}
