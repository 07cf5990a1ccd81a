namespace InternetHospital.Application.Common.Exceptions;

/// <summary>The caller is known but their role or relationship does not allow this (HTTP 403).</summary>
public sealed class ForbiddenAccessException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
