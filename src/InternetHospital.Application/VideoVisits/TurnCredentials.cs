using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// Short-lived TURN credentials in the "TURN REST API" scheme that coturn implements (<c>use-auth-secret</c>): the
/// username is <c>expiry:user</c> (expiry in Unix seconds) and the password is base64(HMAC-SHA1(secret, username)).
/// coturn recomputes the password from the username with the same secret and refuses expired usernames, so nothing
/// is stored and a leaked credential dies on its own.
/// </summary>
public static class TurnCredentials
{
    public static TurnCredential Create(string secret, string user, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(user);
        var expiresAt = now + lifetime;
        var username = string.Create(CultureInfo.InvariantCulture, $"{expiresAt.ToUnixTimeSeconds()}:{user}");
        return new TurnCredential(username, Password(secret, username), expiresAt);
    }

    /// <summary>The ICE servers for one account's browser, with TURN credentials of its own where a server uses them.</summary>
    public static IceConfiguration IceConfigurationFor(VideoOptions settings, Guid accountId, DateTimeOffset now)
    {
        TurnCredential? credential = null;
        var servers = new List<IceServer>();
        foreach (var server in settings.IceServers)
        {
            if (server.UseTurnCredentials)
            {
                credential ??= Create(settings.TurnSecret!, accountId.ToString("N"), now, settings.TurnCredentialLifetime);
                servers.Add(new IceServer(server.Urls, credential.Username, credential.Password));
            }
            else
            {
                servers.Add(new IceServer(server.Urls, null, null));
            }
        }

        return new IceConfiguration(servers, credential?.ExpiresAt);
    }

    public static string Password(string secret, string username) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
}

public sealed record TurnCredential(string Username, string Password, DateTimeOffset ExpiresAt);
