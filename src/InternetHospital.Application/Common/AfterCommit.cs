namespace InternetHospital.Application.Common;

/// <summary>
/// Work that must only happen once the unit of work is saved (live pushes, for example). Handlers queue it;
/// the mediator pipeline runs it after the handler succeeded and drops it if the handler failed.
/// </summary>
public interface IAfterCommit
{
    void Enqueue(Func<CancellationToken, Task> action);

    Task RunAsync(CancellationToken cancellationToken);

    void Clear();
}

internal sealed class AfterCommitQueue : IAfterCommit
{
    private readonly List<Func<CancellationToken, Task>> actions = [];

    public void Enqueue(Func<CancellationToken, Task> action) => actions.Add(action);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pending = actions.ToList();
        actions.Clear();
        foreach (var action in pending)
        {
            await action(cancellationToken);
        }
    }

    public void Clear() => actions.Clear();
}
