using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace InternetHospital.Application.Common;

/// <summary>
/// One commit per use case: the mediator pipeline (<see cref="Behaviours.UnitOfWorkBehaviour{TMessage, TResponse}"/>)
/// saves everything the handler and the notifications it published changed, once, after the handler returned.
/// A handler whose unique index stands behind a check in code says here what a refused duplicate means to the caller.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>What a <see cref="UniqueConstraintException"/> at the commit becomes (a 409 or 422 with the use case's code).</summary>
    void OnUniqueViolation(Func<UniqueConstraintException, Exception> translate);

    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The transaction for a step that cannot help saving before the use case ends (Identity saves on every call).
    /// Inside a use case it is the unit of work's: opened here once, committed with everything else at the end, rolled
    /// back when the use case fails, so nothing the step saved outlives a later failure. Outside one (demo seeding, a
    /// test helper or job calling the step directly) no unit of work would commit it: the step gets its own, and commits it.
    /// </summary>
    Task<EarlySaveTransaction> BeginEarlySavesAsync(DatabaseFacade database, CancellationToken cancellationToken);
}

/// <summary>See <see cref="IUnitOfWork.BeginEarlySavesAsync"/>. The step calls <see cref="CommitAsync"/> when it is done.</summary>
public sealed class EarlySaveTransaction(IDbContextTransaction? own) : IAsyncDisposable
{
    /// <summary>Commits the step's own transaction; inside a use case nothing (the unit of work commits at its end).</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public sealed class UnitOfWork(OpenedDbContext opened) : IUnitOfWork
{
    private Func<UniqueConstraintException, Exception>? translate;

    // Note: use cases nest (a command that answers with a query sends it); only the outermost owns the transaction.
    private int depth;
    private IDbContextTransaction? transaction;

    public void OnUniqueViolation(Func<UniqueConstraintException, Exception> translate) => this.translate = translate;

    /// <summary>A use case starts in this scope (the pipeline's <see cref="Behaviours.UnitOfWorkBehaviour{TMessage, TResponse}"/>).</summary>
    internal void Enter() => depth++;

    /// <summary>A use case ends; when the outermost ends with its transaction still open, it failed: roll it back.</summary>
    internal async ValueTask LeaveAsync()
    {
        if (--depth > 0 || transaction is null)
        {
            return;
        }

        var failed = transaction;
        transaction = null;
        await failed.DisposeAsync();
    }

    public async Task<EarlySaveTransaction> BeginEarlySavesAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (depth == 0)
        {
            return new EarlySaveTransaction(await database.BeginTransactionAsync(cancellationToken));
        }

        transaction ??= await database.BeginTransactionAsync(cancellationToken);
        return new EarlySaveTransaction(null);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        // Note: a use case that never opened the database (a light query such as the hospital's settings) has nothing
        // to commit; resolving the context just to save nothing was a fifth of such a request (./bench.sh api profile).
        if (opened.Context is not { } db)
        {
            return;
        }

        try
        {
            // Note: with nothing changed (most queries) EF does not touch the database.
            await db.SaveChangesAsync(cancellationToken);
            if (depth <= 1 && transaction is not null)
            {
                var commit = transaction;
                transaction = null;
                await using (commit)
                {
                    await commit.CommitAsync(cancellationToken);
                }
            }
        }
        catch (UniqueConstraintException exception) when (translate is not null)
        {
            throw translate(exception);
        }
    }
}

/// <summary>
/// The database context of the current scope, once something in the scope has asked for it (the persistence layer
/// reports each context it creates here). The unit of work commits it, and only it.
/// </summary>
public sealed class OpenedDbContext
{
    public IAppDbContext? Context { get; private set; }

    public void Opened(IAppDbContext context) => Context ??= context;
}
