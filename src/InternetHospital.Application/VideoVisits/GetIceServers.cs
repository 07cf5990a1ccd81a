namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// The ICE servers for the signed-in person's browser, with TURN credentials of their own (the account id, not a name,
/// is the TURN user: nothing personal reaches the TURN server's logs).
/// </summary>
public sealed record GetIceServers : IQuery<IceConfiguration>
{
    public sealed class Handler(IOptions<VideoOptions> options, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetIceServers, IceConfiguration>
    {
        public ValueTask<IceConfiguration> Handle(GetIceServers query, CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var accountId = currentUser.RequireAccountId();
            TurnCredential? credential = null;
            var servers = new List<IceServer>();
            foreach (var server in settings.IceServers)
            {
                if (server.UseTurnCredentials)
                {
                    credential ??= TurnCredentials.Create(settings.TurnSecret!, accountId.ToString("N"), clock.GetUtcNow(), settings.TurnCredentialLifetime);
                    servers.Add(new IceServer(server.Urls, credential.Username, credential.Password));
                }
                else
                {
                    servers.Add(new IceServer(server.Urls, null, null));
                }
            }

            return ValueTask.FromResult(new IceConfiguration(servers, credential?.ExpiresAt));
        }
    }
}

/// <summary>What <c>new RTCPeerConnection({ iceServers })</c> takes, and when the TURN credentials run out.</summary>
public sealed record IceConfiguration(IReadOnlyList<IceServer> IceServers, DateTimeOffset? ExpiresAt);

public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);
