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
}

internal sealed class UnitOfWork(OpenedDbContext opened) : IUnitOfWork
{
    private Func<UniqueConstraintException, Exception>? translate;

    public void OnUniqueViolation(Func<UniqueConstraintException, Exception> translate) => this.translate = translate;

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
