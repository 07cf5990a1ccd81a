using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace InternetHospital.Api.Features.Accounts;

/// <summary>
/// The OpenIddict server's ASP.NET Core handler is an <see cref="IAuthenticationRequestHandler"/>, so the
/// authentication middleware ran it on every request: it built a transaction and a dozen URIs to find out that
/// <c>/api/...</c> is not one of its endpoints (a third of the managed time of <c>/health/live</c>, ./bench.sh api
/// profile). This stands in for it under the same scheme and runs it only on the first path segments its endpoints
/// live under (<c>/connect</c>, <c>/.well-known</c>, taken from its options); anywhere else it is created and run the
/// first time something asks the scheme itself (authenticate, sign in, sign out), exactly as it would have been.
/// Bearer tokens are validated by the validation scheme, which this does not touch.
/// </summary>
internal sealed class ServerHandlerOnItsPaths(IServiceProvider services, ServerEndpointPaths paths)
    : IAuthenticationRequestHandler, IAuthenticationSignInHandler
{
    private AuthenticationScheme? scheme;
    private HttpContext? context;
    private OpenIddictServerAspNetCoreHandler? inner;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        this.scheme = scheme;
        this.context = context;
        return Task.CompletedTask;
    }

    public async Task<bool> HandleRequestAsync() =>
        paths.Covers(Context.Request.Path) && await (await StartAsync(handleRequest: false)).HandleRequestAsync();

    public async Task<AuthenticateResult> AuthenticateAsync() => await (await StartAsync()).AuthenticateAsync();

    public async Task ChallengeAsync(AuthenticationProperties? properties) => await (await StartAsync()).ChallengeAsync(properties);

    public async Task ForbidAsync(AuthenticationProperties? properties) => await (await StartAsync()).ForbidAsync(properties);

    public async Task SignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties) => await (await StartAsync()).SignInAsync(user, properties);

    public async Task SignOutAsync(AuthenticationProperties? properties) => await (await StartAsync()).SignOutAsync(properties);

    private HttpContext Context => context ?? throw new InvalidOperationException("The handler was not initialized.");

    /// <summary>
    /// The real handler, initialized. Outside its paths it has not seen the request yet, so it does now: its request
    /// step attaches the transaction every other operation of the scheme needs.
    /// </summary>
    private async Task<OpenIddictServerAspNetCoreHandler> StartAsync(bool handleRequest = true)
    {
        if (inner is not null)
        {
            return inner;
        }

        var handler = services.GetRequiredService<OpenIddictServerAspNetCoreHandler>();
        await handler.InitializeAsync(scheme ?? throw new InvalidOperationException("The handler was not initialized."), Context);
        inner = handler;
        if (handleRequest && Context.Features.Get<OpenIddictServerAspNetCoreFeature>() is null)
        {
            await handler.HandleRequestAsync();
        }

        return handler;
    }
}

/// <summary>The first path segments of the OpenIddict server's endpoints (from its options, so a new endpoint is covered).</summary>
internal sealed class ServerEndpointPaths
{
    private readonly PathString[] prefixes;

    public ServerEndpointPaths(IOptions<OpenIddictServerOptions> options)
    {
        var server = options.Value;
        IEnumerable<Uri> endpoints =
        [
            .. server.AuthorizationEndpointUris, .. server.ConfigurationEndpointUris, .. server.DeviceAuthorizationEndpointUris,
            .. server.EndSessionEndpointUris, .. server.EndUserVerificationEndpointUris, .. server.IntrospectionEndpointUris,
            .. server.JsonWebKeySetEndpointUris, .. server.PushedAuthorizationEndpointUris, .. server.RevocationEndpointUris,
            .. server.TokenEndpointUris, .. server.UserInfoEndpointUris,
        ];
        prefixes = endpoints
            .Select(uri => (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Trim('/').Split('/')[0])
            .Where(segment => segment.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(segment => new PathString("/" + segment))
            .ToArray();
    }

    public bool Covers(PathString path)
    {
        foreach (var prefix in prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

internal static class ServerHandlerOnItsPathsRegistration
{
    public static IServiceCollection AddServerHandlerOnItsPaths(this IServiceCollection services)
    {
        services.AddSingleton<ServerEndpointPaths>();
        services.AddScoped<ServerHandlerOnItsPaths>();
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            if (options.SchemeMap.TryGetValue(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, out var scheme))
            {
                scheme.HandlerType = typeof(ServerHandlerOnItsPaths);
            }
        });
        return services;
    }
}
