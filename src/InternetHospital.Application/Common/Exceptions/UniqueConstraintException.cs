namespace InternetHospital.Application.Common.Exceptions;

/// <summary>
/// The database refused a save because a unique index already holds the value: the last line of defence
/// behind checks in code (two requests racing for the same slot, e-mail or identity number).
/// </summary>
public sealed class UniqueConstraintException(string? constraint, Exception innerException)
    : Exception($"A unique constraint was violated ({constraint ?? "unknown"}).", innerException)
{
    /// <summary>The index or constraint name where the provider reports it (PostgreSQL), else the columns (SQLite).</summary>
    public string? Constraint { get; } = constraint;
}
