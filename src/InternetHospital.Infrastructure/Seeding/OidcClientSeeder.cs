using InternetHospital.Infrastructure.Options;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>Keeps the OpenID Connect client registrations in line with configuration at every start.</summary>
internal sealed class OidcClientSeeder(IOpenIddictApplicationManager applications, IOptions<AuthOptions> options) : IDataSeeder
{
    public int Order => 1;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        var spa = new OpenIddictApplicationDescriptor
        {
            ClientId = AuthOptions.SpaClientId,
            ClientType = ClientTypes.Public,

            // Note: the SPA is the hospital's own first-party client, so there is no consent screen.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "InternetHospital",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + AuthOptions.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in auth.SpaOrigins.Select(o => o.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            spa.RedirectUris.Add(new Uri($"{origin}/auth/callback"));
            // Note: after a reload the SPA gets fresh tokens from its session cookie in a hidden frame (prompt=none)
            // that lands on this static page, instead of sending the whole page through /connect/authorize.
            spa.RedirectUris.Add(new Uri($"{origin}{AuthOptions.SilentCallbackPath}"));
            spa.PostLogoutRedirectUris.Add(new Uri($"{origin}/"));
        }

        await UpsertAsync(spa, cancellationToken);

        foreach (var machine in auth.MachineClients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = machine.ClientId,
                ClientSecret = machine.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = string.IsNullOrEmpty(machine.DisplayName) ? machine.ClientId : machine.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in machine.Scopes)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }

            await UpsertAsync(descriptor, cancellationToken);
        }
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
