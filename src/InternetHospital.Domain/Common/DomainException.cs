namespace InternetHospital.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is a stable, machine-readable reason that the
/// API returns to clients (which translate it); the message is for logs and developers.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The requested change conflicts with the current state (HTTP 409).</summary>
public sealed class DomainConflictException(string code, string message) : DomainException(code, message);

/// <summary>The request is well-formed but a domain rule forbids it (HTTP 422).</summary>
public sealed class DomainRuleException(string code, string message) : DomainException(code, message);
