using System.Text.Json;
using FluentValidation.Results;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternetHospital.Api.Common;

/// <summary>Field → messages maps, keyed by the JSON (camelCase) field names clients send.</summary>
internal static class ValidationErrors
{
    /// <summary>A 400 for field errors an endpoint finds itself, worded like the validators' (code, fieldCodes, translated messages).</summary>
    public static ValidationProblem Problem(params (string Field, string Code)[] errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => ValidationMessages.Get(e.Code)).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid fields.",
            extensions: new Dictionary<string, object?>
            {
                [ProblemExtensions.Code] = ProblemCodes.ValidationFailed,
                [ProblemExtensions.FieldCodes] = errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal),
            });

    /// <summary>A 400 for field errors already worded (e.g. Identity's, through LocalizedIdentityErrorDescriber), with their codes.</summary>
    public static ValidationProblem Problem(IEnumerable<ValidationFailure> failures)
    {
        var list = failures.ToList();
        return TypedResults.ValidationProblem(
            FromFailures(list),
            title: "The request has invalid fields.",
            extensions: new Dictionary<string, object?>
            {
                [ProblemExtensions.Code] = ProblemCodes.ValidationFailed,
                [ProblemExtensions.FieldCodes] = CodesFromFailures(list),
            });
    }

    public static Dictionary<string, string[]> FromFailures(IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => JsonFieldName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Field → codes, beside the messages, so a client can translate field errors itself: our own rules carry
    /// their code (<c>invalid_mobile</c>); FluentValidation's built-in ones are named after the validator
    /// (<c>NotEmptyValidator</c> → <c>not_empty</c>).
    /// </summary>
    public static Dictionary<string, string[]> CodesFromFailures(IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(f => JsonFieldName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => FieldCode(f.ErrorCode)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    public static string FieldCode(string? errorCode)
    {
        if (string.IsNullOrEmpty(errorCode))
        {
            return ProblemCodes.InvalidValue;
        }

        var name = errorCode.EndsWith("Validator", StringComparison.Ordinal) ? errorCode[..^"Validator".Length] : errorCode;
        var code = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                if (i > 0)
                {
                    code.Append('_');
                }

                code.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                code.Append(name[i]);
            }
        }

        return code.ToString();
    }

    public static Dictionary<string, string[]> CodesFromJsonException(JsonException exception) =>
        FromJsonException(exception).ToDictionary(
            e => e.Key, e => new[] { e.Key == "$" ? ProblemCodes.InvalidJson : ProblemCodes.InvalidValue }, StringComparer.Ordinal);

    public static Dictionary<string, string[]> FromJsonException(JsonException exception)
    {
        // System.Text.Json reports where it failed as a JSON path such as "$.dateOfBirth" or "$.items[0].quantity".
        var path = exception.Path;
        var field = string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var message = ValidationMessages.Get(field == "$" ? ProblemCodes.InvalidJson : ProblemCodes.InvalidValue);
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
