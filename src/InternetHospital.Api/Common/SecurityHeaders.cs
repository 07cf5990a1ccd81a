using InternetHospital.Application.VideoVisits;
using InternetHospital.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Common;

/// <summary>
/// Headers every response carries. The SPA works under a CSP without inline scripts; styles may be inline
/// (Mantine sets CSS variables and style attributes). Nothing is loaded from another origin (domain rule 18).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";


    private const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Note: calls through Janus connect the browser to Janus's WebSocket, which is another origin unless the Ingress
        // serves it under the app's own host (then 'self' covers it already).
        var video = app.ApplicationServices.GetRequiredService<IOptions<VideoOptions>>().Value;
        var policy = video.Media == MediaPath.Janus && video.Janus.BrowserUrl is { IsAbsoluteUri: true } janus
            ? ContentSecurityPolicy.Replace("connect-src 'self'", $"connect-src 'self' {janus.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;
        // Note: the same policy for the two responses of a silent sign-in, which the SPA loads in a hidden frame of its own.
        var silentSignInPolicy = policy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
        return app.UseSecurityHeaders(policy, silentSignInPolicy);
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string policy, string silentSignInPolicy) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(state =>
        {
            var ctx = (HttpContext)state;
            var headers = ctx.Response.Headers;
            // Note: the API reference at /docs (Scalar) boots from an inline module script; only that page allows it.
            var silentSignIn = IsSilentSignIn(ctx.Request);
            headers.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/docs") ? DocsContentSecurityPolicy
                : silentSignIn ? silentSignInPolicy
                : policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = silentSignIn ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // Note: geolocation for this origin only: the ambulance crew's app sends the position the ETA is computed from.
            headers["Permissions-Policy"] = "camera=(self), microphone=(self), display-capture=(self), geolocation=(self), payment=()";

            // Note: API answers carry personal health information; nothing in between may keep a copy (domain rule 21).
            if (IsPrivate(ctx.Request.Path) && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        await next(context);
    });

    /// <summary>
    /// A prompt=none authorize request (never a page: it answers with a redirect, or an error, to the silent callback)
    /// and that static callback page. Only the app's own origin may frame them; every page a person sees stays unframeable.
    /// </summary>
    private static bool IsSilentSignIn(HttpRequest request) =>
        request.Path.Equals(AuthOptions.SilentCallbackPath, StringComparison.Ordinal)
        || (request.Path.Equals("/connect/authorize", StringComparison.OrdinalIgnoreCase)
            && request.Query.TryGetValue("prompt", out var prompt) && prompt.Count == 1 && prompt[0] == "none");

    private static bool IsPrivate(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/hubs");
}
