using System.Linq.Expressions;

namespace InternetHospital.Application.Common.Security;

/// <summary>
/// Rows only some callers may know of. A missing row and one the caller may not see answer the same 404, and it names
/// the row asked for (not the patient behind it), so trying ids tells a stranger nothing.
/// </summary>
internal static class HiddenRows
{
    /// <summary>The one row matching <paramref name="match"/> if it exists and passes <paramref name="ensureMayKnow"/>, else 404.</summary>
    public static async Task<T> SingleVisibleAsync<T>(
        this IQueryable<T> rows, Expression<Func<T, bool>> match, string resource, Guid id, Func<T, Task> ensureMayKnow, CancellationToken cancellationToken)
        where T : class
    {
        var row = await rows.SingleOrDefaultAsync(match, cancellationToken) ?? throw new NotFoundException(resource, id);
        await AsNotFoundAsync(resource, id, () => ensureMayKnow(row));
        return row;
    }

    /// <summary>Runs an access check and answers its refusal as "no such <paramref name="resource"/>".</summary>
    public static async Task AsNotFoundAsync(string resource, object id, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(resource, id);
        }
    }
}
