using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace InternetHospital.UnitTests.Architecture;

/// <summary>
/// Every message a user can read from the server exists in Chinese and English: validators word their messages
/// through ValidationMessages (never a literal), Identity's password errors and the home-reading rules carry field
/// codes that have a text in both languages.
/// </summary>
public sealed partial class LocalizedMessageTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    [Fact]
    public void No_rule_words_its_message_in_one_language_only()
    {
        var sources = Path.Combine(UseCaseFileTests.RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"))
            .ToList();

        // Note: guards against a path that matches nothing, which would make the test pass vacuously.
        Assert.True(files.Count > 300, $"Only {files.Count} sources found under {sources}.");
        var literal = files
            .Where(f => Path.GetFileName(f) != "ValidationMessages.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => WithMessage().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(sources, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(literal.Count == 0, "Use .WithLocalizedMessage(code) or ValidationMessages.Failure with a message in ValidationMessages.resx and .zh-CN.resx:\n" + string.Join("\n", literal));
    }

    [Fact]
    public void Every_password_error_of_identity_has_a_field_code_and_a_chinese_and_english_message()
    {
        var passwordErrors = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError) && m.Name.StartsWith("Password", StringComparison.Ordinal))
            .ToList();
        Assert.True(passwordErrors.Count >= 7, $"Only {passwordErrors.Count} password errors found on IdentityErrorDescriber.");

        var describer = new LocalizedIdentityErrorDescriber();
        foreach (var method in passwordErrors)
        {
            var args = method.GetParameters().Select(_ => (object)8).ToArray();
            var en = InCulture(CultureInfo.InvariantCulture, () => (IdentityError)method.Invoke(describer, args)!);
            var zh = InCulture(Chinese, () => (IdentityError)method.Invoke(describer, args)!);

            Assert.Matches("^[a-z_]+$", en.Code);
            Assert.Equal(en.Code, zh.Code);
            Assert.NotEqual(en.Description, zh.Description);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh.Description);
        }

        Assert.Equal("密码至少需要 8 个字符。", InCulture(Chinese, () => describer.PasswordTooShort(8).Description));
    }

    [Fact]
    public void Every_home_reading_problem_has_a_chinese_and_english_message()
    {
        var codes = typeof(MeasurementRules.Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.True(codes.Count >= 8);

        foreach (var code in codes)
        {
            var en = ValidationMessages.Find(code, CultureInfo.InvariantCulture);
            var zh = ValidationMessages.Find(code, Chinese);
            Assert.False(string.IsNullOrWhiteSpace(en), $"No English message for {code}");
            Assert.False(string.IsNullOrWhiteSpace(zh), $"No zh-CN message for {code}");
            Assert.NotEqual(en, zh);
        }

        var problem = Assert.Single(MeasurementRules.Problems(new MeasurementValues(MeasurementKind.Weight, WeightKg: 1m)));
        Assert.Equal("数值应在 2 至 400 千克之间，请检查输入。", InCulture(Chinese, () => ValidationMessages.Get(problem.Code, problem.Args)));
        Assert.Equal("The value must be between 2 and 400 kg; check what you typed.", InCulture(CultureInfo.InvariantCulture, () => ValidationMessages.Get(problem.Code, problem.Args)));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // A validator's own message, or a field error built with a literal text.
    [GeneratedRegex(@"\.WithMessage\(|ValidationFailure\(\s*[^,()]+,\s*\$?""")]
    private static partial Regex WithMessage();
}
