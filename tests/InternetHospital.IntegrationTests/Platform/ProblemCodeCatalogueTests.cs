using System.Globalization;
using System.Reflection;
using System.Text.Json;
using InternetHospital.Api.Common;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// The error contract: every problem code the server can raise is in <see cref="ProblemCodes"/>, and every code
/// there has a Chinese and an English text in the SPA (web/src/locales/*/errors.json, under "codes").
/// </summary>
public sealed class ProblemCodeCatalogueTests
{
    private static readonly Assembly[] Server =
    [
        typeof(DomainException).Assembly,
        typeof(ProblemCodes).Assembly,
        typeof(InternetHospital.Infrastructure.DependencyInjection).Assembly,
        typeof(ProblemExtensions).Assembly,
    ];

    /// <summary>
    /// Places where a code is not a constant, each with where its values come from. A new entry here means a code
    /// the scan cannot see: list its possible values in the catalogue and add the place with the reason.
    /// </summary>
    private static readonly Dictionary<string, string> KnownIndirectCodes = new(StringComparer.Ordinal)
    {
        // The renewal checks return the RenewalEligibility constants (added to the scanned codes below).
        ["InternetHospital.Application.Renewals.ApproveRenewal+Handler.Handle ← IReadOnlyList`1.get_Item"] = "RenewalEligibility",
        ["InternetHospital.Application.Renewals.SubmitRenewal+Handler.Handle ← IReadOnlyList`1.get_Item"] = "RenewalEligibility",

        // BookingRules.Evaluate's three codes (overlapping_appointment, same_doctor_same_day, too_many_holds).
        ["InternetHospital.Application.Appointments.BookingRules.EnsureAllowedAsync ← ldfld"] = "BookingRules.Evaluate",
        ["InternetHospital.Application.Appointments.BookAppointment+Handler.Handle ← ldfld"] = "BookingRules.Evaluate",

        // The exception handler passes on the code of the exception (its constants are scanned where it is thrown)
        // and falls back to the generic code of a status (ForStatus, checked below).
        ["InternetHospital.Api.Common.ProblemExceptionHandler.ToProblem ← DomainException.get_Code"] = "exception",
        ["InternetHospital.Api.Common.ProblemExceptionHandler.ToProblem ← ForbiddenAccessException.get_Code"] = "exception",
        ["InternetHospital.Api.Common.ProblemExceptionHandler.ToProblem ← ProblemCodes.ForStatus"] = "ForStatus",
        ["InternetHospital.Api.Common.ApiServices.AddApi ← ProblemCodes.ForStatus"] = "ForStatus",

        // The Stripe adapter says which of its two codes a refused webhook gets (invalid_signature, invalid_webhook_body).
        ["InternetHospital.Api.Features.Payments.StripeWebhookEndpoints.HandleAsync ← WebhookRejectedException.get_Code"] = "exception",

        // So do the WeChat Pay and Alipay adapters (the same two codes).
        ["InternetHospital.Api.Features.Payments.ChinaPaymentCallbackEndpoints.WeChatPayAsync ← WebhookRejectedException.get_Code"] = "exception",
        ["InternetHospital.Api.Features.Payments.ChinaPaymentCallbackEndpoints.AlipayAsync ← WebhookRejectedException.get_Code"] = "exception",
    };

    private static readonly Lazy<CodeScanner> Raised = new(() => new CodeScanner(ProblemCodeParameter, problemExtensions: true).Scan(Server));

    [Fact]
    public void Every_code_the_server_raises_is_in_the_catalogue()
    {
        var raised = Raised.Value.Codes.Concat(RenewalEligibilityCodes()).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("slot_taken", raised); // the scan sees helper arguments (BookingRules.Problem)
        Assert.Contains("not_awaiting_payment", raised); // and private helpers (Appointment.EnsureStatus)
        Assert.Contains("identity_check_required", raised); // and constants of another class
        Assert.Contains("invalid_credentials", raised); // and problem extensions written by endpoints
        var missing = raised.Where(code => !ProblemCodes.IsKnown(code)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Raised but not in ProblemCodes (add them with their status and translations): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_code_that_does_not_come_from_a_constant_is_accounted_for()
    {
        var unexplained = Raised.Value.Unresolved.Where(site => !KnownIndirectCodes.ContainsKey(site)).ToList();

        Assert.True(unexplained.Count == 0, $"A problem code comes from a value the scan cannot follow: {string.Join("; ", unexplained)}");
    }

    [Fact]
    public void The_generic_code_of_every_status_is_in_the_catalogue()
    {
        for (var status = 400; status < 600; status++)
        {
            Assert.True(ProblemCodes.IsKnown(ProblemCodes.ForStatus(status)), $"{status} → {ProblemCodes.ForStatus(status)}");
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_catalogue_code_has_a_text_in_the_spa(string language)
    {
        var texts = LocaleTexts(language, "codes");

        var untranslated = ProblemCodes.All.Keys.Where(code => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(code))).Order(StringComparer.Ordinal).ToList();

        Assert.True(untranslated.Count == 0, $"No {language} text in web/src/locales/{language}/errors.json \"codes\" for: {string.Join(", ", untranslated)}");
    }

    [Fact]
    public void Every_field_code_has_a_message_in_both_languages_and_every_used_one_exists()
    {
        var used = new CodeScanner(FieldCodeParameter, problemExtensions: false).Scan(Server);
        var english = ValidationMessages.Codes();
        Assert.Contains("invalid_mobile", used.Codes);

        Assert.Empty(used.Codes.Except(english));
        foreach (var code in english)
        {
            var en = ValidationMessages.Find(code, CultureInfo.InvariantCulture);
            var zh = ValidationMessages.Find(code, new CultureInfo("zh-CN"));
            Assert.False(string.IsNullOrWhiteSpace(zh), $"No zh-CN message for {code}");
            Assert.NotEqual(en, zh);
        }
    }

    /// <summary>Sinks of problem codes: the constructors of the exceptions that carry one.</summary>
    private static int? ProblemCodeParameter(MethodBase callee) =>
        callee is ConstructorInfo && callee.DeclaringType is { } type
        && (type.IsAssignableTo(typeof(DomainException)) || type == typeof(ForbiddenAccessException))
            ? Array.FindIndex(callee.GetParameters(), p => p.Name == "code")
            : null;

    private static int? FieldCodeParameter(MethodBase callee) =>
        callee.DeclaringType == typeof(ValidationMessages) && callee.GetParameters().Any(p => p.Name == "code")
            ? Array.FindIndex(callee.GetParameters(), p => p.Name == "code")
            : null;

    private static IEnumerable<string> RenewalEligibilityCodes() =>
        typeof(RenewalEligibility).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    internal static Dictionary<string, string> LocaleTexts(string language, string section)
    {
        var path = Path.Combine(RepositoryRoot(), "web", "src", "locales", language, "errors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty(section).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "web", "src", "locales")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("web/src/locales not found above the test's directory.");
    }
}
