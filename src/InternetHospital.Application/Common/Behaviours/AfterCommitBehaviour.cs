namespace InternetHospital.Application.Common.Behaviours;

/// <summary>Runs the work handlers queued for after the save, once the handler has returned successfully.</summary>
public sealed class AfterCommitBehaviour<TMessage, TResponse>(IAfterCommit afterCommit) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            afterCommit.Clear();
            throw;
        }

        await afterCommit.RunAsync(cancellationToken);
        return response;
    }
}
