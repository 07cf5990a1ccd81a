using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace InternetHospital.Api.Common;

/// <summary>Serves the built SPA from wwwroot: hashed assets cached for a year, index.html always revalidated.</summary>
internal static class SpaHosting
{
    public static IApplicationBuilder UseSpaStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    });

    private static List<string> AllowedMethods(EndpointDataSource endpoints, HttpContext context)
    {
        var path = context.Request.Path;
        var constraints = context.RequestServices.GetRequiredService<IInlineConstraintResolver>();
        var methods = new List<string>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText;
            if (raw is null || !raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) || raw.Contains("{*", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } metadata)
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary());
            var values = new RouteValueDictionary();

            // Note: the template matcher ignores constraints; without them /api/appointments/not-a-guid "matched"
            // /api/appointments/{id:guid} and was answered 405 instead of 404.
            if (matcher.TryMatch(path, values) && SatisfiesConstraints(endpoint.RoutePattern, values, constraints, context))
            {
                methods.AddRange(metadata.HttpMethods);
            }
        }

        return methods.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool SatisfiesConstraints(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, RouteValueDictionary values, IInlineConstraintResolver resolver, HttpContext context)
    {
        foreach (var (name, policies) in pattern.ParameterPolicies)
        {
            foreach (var policy in policies)
            {
                if (policy.Content is { } content && resolver.ResolveConstraint(content) is { } constraint
                    && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static void MapSpaFallback(this IEndpointRouteBuilder app)
    {
        // Unknown API routes are API errors, never the SPA's page. Note: this catch-all also wins over routing's own
        // 405, so a known path called with the wrong method is answered 405 here.
        app.MapFallback("/api/{**path}", (HttpContext context, EndpointDataSource endpoints) =>
            {
                var allowed = AllowedMethods(endpoints, context);
                if (allowed.Count > 0)
                {
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status405MethodNotAllowed,
                        title: "This endpoint does not accept that method.",
                        extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "method_not_allowed" });
                }

                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "There is no such API endpoint.",
                    extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = "no_such_endpoint" });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapFallbackToFile("index.html", new StaticFileOptions
            {
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
            })
            .AllowAnonymous();
    }
}
