using InternetHospital.Application.Common;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace InternetHospital.Api.Common;

/// <summary>
/// Serves the built SPA from wwwroot: hashed assets cached for a year, index.html always revalidated, and the
/// Brotli/gzip copies the SPA build writes beside each asset sent to browsers that accept them (no compression per
/// request). Note: MapStaticAssets would do the same from a build-time manifest, but the SPA is built into wwwroot by
/// an MSBuild step after the static web assets are listed (see the Api project file), so the files are negotiated
/// here from disk.
/// </summary>
internal static class SpaHosting
{
    private const string EncodingItem = "ih.precompressed";

    private static readonly (string Token, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static IApplicationBuilder UseSpaStaticFiles(this IApplicationBuilder app)
    {
        var webRoot = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var types = new FileExtensionContentTypeProvider();
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/assets"))
            {
                var path = request.Path.Value!;
                if (path.EndsWith(".br", StringComparison.Ordinal) || path.EndsWith(".gz", StringComparison.Ordinal))
                {
                    // The copies are an encoding of the asset, never a resource of their own.
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                var accepted = request.Headers.AcceptEncoding.ToString();
                foreach (var (token, suffix) in Encodings)
                {
                    if (!webRoot.GetFileInfo(path + suffix).Exists)
                    {
                        continue;
                    }

                    context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                    if (Accepts(accepted, token))
                    {
                        context.Items[EncodingItem] = token;
                        request.Path = path + suffix;
                        break;
                    }
                }
            }

            return next(context);
        });

        return app.UseStaticFiles(new StaticFileOptions
        {
            // Note: a compressed copy keeps the content type of the asset it encodes.
            ContentTypeProvider = new PrecompressedContentTypes(types),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                if (context.Context.Items[EncodingItem] is string encoding)
                {
                    headers.ContentEncoding = encoding;
                }
            },
        });
    }

    private static bool Accepts(string acceptEncoding, string token)
    {
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (StringWithQualityHeaderValue.TryParse(part, out var value) && value.Value.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                // Note: "br;q=0" means "not br".
                return value.Quality is not 0;
            }
        }

        return false;
    }

    private sealed class PrecompressedContentTypes(FileExtensionContentTypeProvider inner) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string contentType)
        {
            if (subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal))
            {
                subpath = subpath[..^3];
            }

            return inner.TryGetContentType(subpath, out contentType);
        }
    }

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

                // Note: the method is allowed, so routing turned the endpoint down for the body's media type (a JSON
                // body sent without Content-Type: application/json): that is 415, not 405 "Allow: POST" to a POST.
                if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "This endpoint takes a JSON body (Content-Type: application/json).",
                        extensions: new Dictionary<string, object?> { [ProblemExtensions.Code] = ProblemCodes.UnsupportedMediaType });
                }

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
