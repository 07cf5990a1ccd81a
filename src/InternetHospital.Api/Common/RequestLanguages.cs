using System.Globalization;
using InternetHospital.Application.Common;
using Microsoft.AspNetCore.Localization;

namespace InternetHospital.Api.Common;

/// <summary>
/// The language of what the API writes for people (validation messages) follows the request's Accept-Language,
/// which the SPA sets to the language the user reads. Only the UI culture changes: the formatting culture stays the
/// process's own, as before, so nothing but the wording depends on the caller.
/// </summary>
internal static class RequestLanguages
{
    public static IServiceCollection AddRequestLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var formatting = CultureInfo.CurrentCulture;

            // Note: English stays the default for callers that name no language (scripts, other systems), as before.
            options.DefaultRequestCulture = new RequestCulture(formatting, new CultureInfo(SupportedLanguages.English));
            options.SupportedCultures = [formatting];
            options.SupportedUICultures = [.. SupportedLanguages.All.Select(tag => new CultureInfo(tag))];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

    public static IApplicationBuilder UseRequestLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();
}
