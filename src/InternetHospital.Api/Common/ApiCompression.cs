using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace InternetHospital.Api.Common;

/// <summary>
/// Compresses the API's JSON on the fly (Brotli, else gzip, at the fastest level): lists of doctors, slots and
/// appointments shrink five- to tenfold, which is what a phone on a mobile network waits for. Static files are not
/// handled here: the SPA build writes .br/.gz copies once (SpaHosting serves them).
/// </summary>
internal static class ApiCompression
{
    /// <summary>Bodies known to be smaller than this go out as they are: the headers would eat the saving.</summary>
    public const int MinimumBytes = 1024;

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Note: TLS terminates in front of or at this host in production, so "HTTPS" is where phones are.
            // BREACH needs a secret and attacker-chosen input in one compressed body: the paths that carry tokens,
            // codes or sign-in state are never compressed (ExcludedFromCompression).
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json", "application/problem+json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, ApiCompressionProvider>();
        return services;
    }

    /// <summary>Token, authorization and account endpoints mix secrets with what the caller sent.</summary>
    public static bool ExcludedFromCompression(PathString path) =>
        path.StartsWithSegments("/connect") || path.StartsWithSegments("/api/account") || path.StartsWithSegments("/hubs");

    private sealed class ApiCompressionProvider(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ResponseCompressionOptions> options)
        : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) =>
            !ExcludedFromCompression(context.Request.Path) && inner.CheckRequestAcceptsCompression(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            context.Response.ContentLength is not < MinimumBytes && inner.ShouldCompressResponse(context);
    }
}
