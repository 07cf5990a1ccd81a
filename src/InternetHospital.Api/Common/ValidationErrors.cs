using System.Text.Json;
using FluentValidation.Results;

namespace InternetHospital.Api.Common;

/// <summary>Field → messages maps, keyed by the JSON (camelCase) field names clients send.</summary>
internal static class ValidationErrors
{
    public static Dictionary<string, string[]> FromFailures(IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => JsonFieldName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public static Dictionary<string, string[]> FromJsonException(JsonException exception)
    {
        // System.Text.Json reports where it failed as a JSON path such as "$.dateOfBirth" or "$.items[0].quantity".
        var path = exception.Path;
        var field = string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var message = field == "$"
            ? "The body must be a well-formed JSON object."
            : "The value is missing or has the wrong format.";
        return new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
    }

    public static string JsonFieldName(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "$";
        }

        var segments = propertyPath.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length > 0 && char.IsUpper(s[0]))
            {
                segments[i] = char.ToLowerInvariant(s[0]) + s[1..];
            }
        }

        return string.Join('.', segments);
    }
}
