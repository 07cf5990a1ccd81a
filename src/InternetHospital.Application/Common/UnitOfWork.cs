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

internal sealed class UnitOfWork(IAppDbContext db) : IUnitOfWork
{
    private Func<UniqueConstraintException, Exception>? translate;

    public void OnUniqueViolation(Func<UniqueConstraintException, Exception> translate) => this.translate = translate;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
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
