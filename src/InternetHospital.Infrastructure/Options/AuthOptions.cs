using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Infrastructure.Options;

/// <summary>Section <c>Auth</c>: the OpenID Connect server, sessions and sign-in rules.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public const string SpaClientId = "internet-hospital-spa";
    public const string ApiScope = "api";
    public const string HisScope = "his";

    /// <summary>The SPA's static page a hidden frame lands on when it asks for tokens without leaving the app (prompt=none).</summary>
    public const string SilentCallbackPath = "/auth/silent.html";

    /// <summary>Origins the SPA is served from; its redirect URIs are <c>{origin}/auth/callback</c> and the silent callback.</summary>
    [MinLength(1)]
    public string[] SpaOrigins { get; set; } = [];

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Absolute session limit (domain rule 19): rotating refresh tokens never outlive the first one's expiry.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Idle limit of the sign-in cookie (domain rule 19).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a rotated refresh token may still be redeemed (network retries); 0 in tests that check reuse detection.</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The OpenID Connect issuer (and base of the endpoints in the discovery document). Outside Development it defaults
    /// to <c>Hospital:PublicUrl</c>; it never follows the request's Host header there. In Development it may stay empty
    /// (the request's address, so any local port works).
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// How long an instance trusts its cached "this session is still live" before asking the database again. Ending a
    /// session corrects every instance at once (Redis pub/sub when configured); this only bounds a lost message.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SessionCheckCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Allow plain http. Only honoured in Development and Testing environments.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>PEM-encoded RSA private key that signs tokens. Required outside Development; generated there at first run.</summary>
    public string? SigningKey { get; set; }

    /// <summary>PEM-encoded RSA private key that encrypts access tokens. Required outside Development.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Machine clients (for example the HIS calling in) using client credentials.</summary>
    public MachineClient[] MachineClients { get; set; } = [];
}

public sealed class MachineClient
{
    [Required]
    public string ClientId { get; set; } = string.Empty;

    [Required]
    [MinLength(24)]
    public string ClientSecret { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string[] Scopes { get; set; } = [AuthOptions.HisScope];
}

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Base64 secret (32+ bytes) keying the look-up hash of identity numbers. Required outside Development.</summary>
    public string? IdentifierHashKey { get; set; }

    /// <summary>
    /// Base64 secret (32+ bytes) encrypting the Data Protection key ring in the database. Required outside Development;
    /// to rotate it, move the old one to <see cref="PreviousKeyRingKeys"/>.
    /// </summary>
    public string? KeyRingKey { get; set; }

    /// <summary>Earlier key-ring keys, still used to read keys written under them.</summary>
    public List<string> PreviousKeyRingKeys { get; set; } = [];

    /// <summary>
    /// Base64 secret (32+ bytes) keying the audit chain (HMAC-SHA256) and signing its checkpoints. Kept outside the
    /// database so that nobody who can only rewrite tables can recompute a chain that verifies. Required outside Development.
    /// </summary>
    public string? AuditChainKey { get; set; }
}
