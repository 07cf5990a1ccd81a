using Microsoft.AspNetCore.Http.Metadata;

namespace InternetHospital.Api.Common;

/// <summary>
/// Bodies over 1 MB are refused with 413 before anything reads them; an endpoint that takes uploads raises
/// its own limit with <c>WithMetadata(new RequestSizeLimitAttribute(...))</c>. Kestrel enforces the same limit
/// while streaming bodies without a Content-Length.
/// </summary>
internal static class RequestBodyLimit
{
    public const long DefaultBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"At most {limit} bytes are accepted here.",
                    Extensions = { [ProblemExtensions.Code] = "payload_too_large" },
                },
            });
            return;
        }

        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    });
}
