namespace InternetHospital.Application.Common.Exceptions;

/// <summary>
/// The thing does not exist, or the caller may not know it exists (another patient's record answers 404, never data).
/// </summary>
public sealed class NotFoundException(string resource, object? key = null)
    : Exception(key is null ? $"{resource} was not found." : $"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}
