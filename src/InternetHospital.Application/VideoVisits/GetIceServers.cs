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
            return ValueTask.FromResult(TurnCredentials.IceConfigurationFor(options.Value, currentUser.RequireAccountId(), clock.GetUtcNow()));
        }
    }
}

/// <summary>What <c>new RTCPeerConnection({ iceServers })</c> takes, and when the TURN credentials run out.</summary>
public sealed record IceConfiguration(IReadOnlyList<IceServer> IceServers, DateTimeOffset? ExpiresAt);

public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);
