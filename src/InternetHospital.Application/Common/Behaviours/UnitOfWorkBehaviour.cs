namespace InternetHospital.Application.Common.Behaviours;

/// <summary>
/// Commits the unit of work once, after the handler returned: the handler's changes, the audit, outbox, e-mail and
/// notification rows, and whatever the in-process notifications it published changed, in one transaction. A handler
/// that throws leaves nothing behind, not even what a step had to save early (<see cref="IUnitOfWork.BeginEarlySavesAsync"/>).
/// Queries commit too, but only change anything when they audit a read.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(UnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        unitOfWork.Enter();
        try
        {
            var response = await next(message, cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        finally
        {
            await unitOfWork.LeaveAsync();
        }
    }
}
