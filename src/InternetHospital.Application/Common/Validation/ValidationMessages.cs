using System.Globalization;
using System.Resources;
using FluentValidation.Results;

namespace InternetHospital.Application.Common.Validation;

/// <summary>
/// Field error messages of our own rules, in English and Chinese (ValidationMessages.resx and .zh-CN.resx), keyed by
/// the field code the problem document carries in <c>fieldCodes</c>. The language is the request's UI culture
/// (Accept-Language); FluentValidation's built-in messages follow the same culture through its LanguageManager.
/// </summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources = new("InternetHospital.Application.Common.Validation.ValidationMessages", typeof(ValidationMessages).Assembly);

    /// <summary>The message for <paramref name="code"/> in the current UI culture, with <c>{0}</c>… filled in.</summary>
    public static string Get(string code, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(code, culture)
            ?? throw new InvalidOperationException($"No validation message '{code}'.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>The message in one language (tests check that each code has both).</summary>
    public static string? Find(string code, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(code);

    /// <summary>Every code that has a message (from the neutral, English resources).</summary>
    public static IReadOnlyList<string> Codes() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    /// <summary>A field error raised by a handler (outside a validator), with its code and translated message.</summary>
    public static ValidationFailure Failure(string field, string code, params object[] args) =>
        new(field, Get(code, args)) { ErrorCode = code };

    /// <summary>Gives a rule its field code and the message for that code in the request's language.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithLocalizedMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, string code, params object[] args) =>
        rule.WithErrorCode(code).WithMessage(_ => Get(code, args));
}
