using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InternetHospital.Infrastructure.Persistence;

internal static class DatabaseErrors
{
    /// <summary>Whether a save failed on a unique index, and which one where the provider says.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception, out string? constraint)
    {
        switch (exception.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                constraint = pg.ConstraintName;
                return true;
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite:
                // "SQLite Error 19: 'UNIQUE constraint failed: Appointments.SlotId'."
                var at = sqlite.Message.IndexOf("failed: ", StringComparison.Ordinal);
                constraint = at < 0 ? null : sqlite.Message[(at + 8)..].TrimEnd('.', '\'');
                return true;
            default:
                constraint = null;
                return false;
        }
    }
}
