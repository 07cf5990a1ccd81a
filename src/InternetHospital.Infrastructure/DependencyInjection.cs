using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Infrastructure.Appointments;
using InternetHospital.Infrastructure.Audit;
using InternetHospital.Infrastructure.FamilyDoctors;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.Imaging;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Notifications;
using InternetHospital.Infrastructure.Options;
using InternetHospital.Infrastructure.Payments;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Renewals;
using InternetHospital.Infrastructure.Results;
using InternetHospital.Infrastructure.Security;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace InternetHospital.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var isDevelopmentLike = environment.IsDevelopment() || environment.IsEnvironment("Testing");

        // Note: checked first, so a production host without real payment and HIS adapters stops before anything else.
        var standIns = DevelopmentStandInGuard.Check(configuration, environment, isDevelopmentLike);
        services.AddSingleton(standIns);
        if (standIns.Active.Count > 0)
        {
            services.AddHostedService<DevelopmentStandInWarning>();
        }

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, storage.DataDirectory));
        Directory.CreateDirectory(dataDirectory);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.DataDirectory = dataDirectory).ValidateDataAnnotations().ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddDatabase(database, dataDirectory);

        services.AddSingleton(TimeProvider.System);
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        // Note: the key ring sits in the database next to what it encrypts, so its keys are encrypted under a key kept
        // outside it (Security:KeyRingKey).
        var keyRingKeys = new KeyRingKeys(
            KeyMaterial.LoadSecret(security.KeyRingKey, Path.Combine(dataDirectory, "keys", "key-ring.key"), isDevelopmentLike, "Security:KeyRingKey"),
            security.PreviousKeyRingKeys.Select(previous => KeyMaterial.LoadSecret(previous, string.Empty, mayGenerate: false, "Security:PreviousKeyRingKeys")));
        services.AddSingleton(keyRingKeys);
        services.AddDataProtection()
            .SetApplicationName("InternetHospital")
            .PersistKeysToDbContext<AppDbContext>()
            .AddKeyManagementOptions(o => o.XmlEncryptor = new KeyRingEncryptor(keyRingKeys));
        services.AddSingleton<KeyRingCheck>();

        services.AddSingleton(new IdentifierHashKey(KeyMaterial.LoadSecret(
            security.IdentifierHashKey,
            Path.Combine(dataDirectory, "keys", "identifier-hash.key"),
            isDevelopmentLike,
            "Security:IdentifierHashKey")));
        services.AddSingleton<IIdentifierProtector, IdentifierProtector>();
        var healthCode = configuration.GetSection(HealthCodeOptions.Section).Get<HealthCodeOptions>() ?? new HealthCodeOptions();
        using (var healthCodeKey = KeyMaterial.LoadEcdsa(healthCode.SigningKey, Path.Combine(dataDirectory, "keys", "health-code-signing.pem"), isDevelopmentLike, "HealthCode:SigningKey"))
        {
            services.AddSingleton<Application.HealthCodes.IHealthCodeKeys>(new HealthCodeKeys(healthCodeKey, healthCode.PreviousPublicKeys));
        }

        services.AddAccounts(configuration, environment, isDevelopmentLike, dataDirectory);
        services.AddHis(configuration);
        services.AddImaging(configuration, isDevelopmentLike);
        Media.MediaRegistration.AddMediaServer(services, configuration, isDevelopmentLike);
        services.AddEmail(configuration, dataDirectory);
        Sms.SmsRegistration.AddSms(services, configuration, dataDirectory);
        services.AddPayments(configuration);
        services.AddBookingInfrastructure(configuration);
        services.AddSingleton(new Application.Audit.AuditChainKey(KeyMaterial.LoadSecret(
            security.AuditChainKey,
            Path.Combine(dataDirectory, "keys", "audit-chain.key"),
            isDevelopmentLike,
            "Security:AuditChainKey")));
        var checkpointDirectory = configuration["Audit:CheckpointDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured))
            : Path.Combine(dataDirectory, "audit-checkpoints");
        services.AddSingleton<Application.Audit.IAuditCheckpoints>(new FileAuditCheckpoints(checkpointDirectory));
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        services.AddRenewalInfrastructure(configuration);
        services.AddResultsInfrastructure(configuration);
        services.AddOptions<HospitalOptions>().Bind(configuration.GetSection(HospitalOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Hospital:TimeZone is not a known IANA time zone.")
            .Validate(o => SupportedLanguages.IsSupported(o.DefaultLanguage), "Hospital:DefaultLanguage must be zh-CN or en.")
            .ValidateOnStart();

        services.AddOptions<Application.Emergency.EmergencyOptions>().Bind(configuration.GetSection(Application.Emergency.EmergencyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IDataSeeder, RoleSeeder>();
        services.AddScoped<IDataSeeder, AdministratorSeparationCheck>();
        services.AddScoped<IDataSeeder, OidcClientSeeder>();
        services.AddScoped<IDataSeeder, DemoDataSeeder>();
        services.AddScoped<IDataSeeder, EmergencyDemoSeeder>();
        services.AddScoped<IDataSeeder, FamilyDoctorSeeder>();
        services.AddOptions<FamilyDoctorOptions>().Bind(configuration.GetSection(FamilyDoctorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<FamilyContractLifecycleJob>();
        services.AddOptions<FamilyOptions>().Bind(configuration.GetSection(FamilyOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.GuardianMustAttendUnder <= o.ConfidentialFrom && o.ConfidentialFrom < o.AdultAt, "Family: the age bands must rise (GuardianMustAttendUnder <= ConfidentialFrom < AdultAt).")
            .ValidateOnStart();
        services.AddHostedService<Family.GuardianAccessJob>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Retention.RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Retention.RetentionJob>());
        Recordings.RecordingRegistration.AddVisitRecordings(services, configuration, isDevelopmentLike);
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section));
        services.AddOptions<Application.Imaging.ImagingUploadOptions>().Bind(configuration.GetSection(Application.Imaging.ImagingUploadOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    private static void AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool isDevelopmentLike, string dataDirectory)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<Account, IdentityRole<Guid>>(o =>
            {
                // Note: length over composition rules (domain rule 20); common passwords are refused by CommonPasswordValidator.
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;

                // Note: five failures lock the account for fifteen minutes (domain rule 17).
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;

                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;

                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.Name;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
                o.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<SessionSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);

            // Note: the re-validated cookie keeps its session id, so it stays the same session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(AccountSessions.SessionClaim) is { } session && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddScoped<AccountSessions>();
        services.AddScoped<IAccountSessions>(sp => sp.GetRequiredService<AccountSessions>());
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ih.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = isDevelopmentLike ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = auth.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = context => RefuseInsteadOfRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RefuseInsteadOfRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "ih.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = isDevelopmentLike ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<Application.Administration.StaffAccounts.IStaffAccounts, StaffAccountStore>();
        services.AddScoped<Application.VideoVisits.IClinicianIdentityCheck, ClinicianIdentityCheck>();

        var signingKey = KeyMaterial.LoadRsa(auth.SigningKey, Path.Combine(dataDirectory, "keys", "token-signing.pem"), isDevelopmentLike, "Auth:SigningKey");
        var encryptionKey = KeyMaterial.LoadRsa(auth.EncryptionKey, Path.Combine(dataDirectory, "keys", "token-encryption.pem"), isDevelopmentLike, "Auth:EncryptionKey");

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("/connect/authorize")
                    .SetTokenEndpointUris("/connect/token")
                    .SetEndSessionEndpointUris("/connect/endsession")
                    .SetUserInfoEndpointUris("/connect/userinfo")
                    .SetRevocationEndpointUris("/connect/revoke");

                // Note: the SPA is a public client: authorization code with PKCE (S256 only), never the password grant.
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowRefreshTokenFlow();
                o.AllowClientCredentialsFlow();
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, AuthOptions.ApiScope, AuthOptions.HisScope);

                o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                o.SetAccessTokenLifetime(auth.AccessTokenLifetime);
                o.SetIdentityTokenLifetime(auth.AccessTokenLifetime);
                o.SetRefreshTokenLifetime(auth.SessionLifetime);

                // Note: refresh tokens rotate on every use; without sliding expiration each new one keeps the first
                // one's expiry, which makes SessionLifetime an absolute limit (domain rule 19).
                o.DisableSlidingRefreshTokenExpiration();
                o.SetRefreshTokenReuseLeeway(auth.RefreshTokenReuseLeeway);

                // Note: a pinned issuer: otherwise OpenIddict derives it from the request's Host header, and a forged
                // Host would change the issuer and endpoint addresses in the discovery document.
                var issuer = auth.Issuer ?? (isDevelopmentLike ? null : new Uri(configuration["Hospital:PublicUrl"] ?? "http://localhost:5080", UriKind.Absolute));
                if (issuer is not null)
                {
                    o.SetIssuer(issuer);
                }

                o.AddSigningKey(new RsaSecurityKey(signingKey));
                o.AddEncryptionKey(new RsaSecurityKey(encryptionKey));

                // Note: access tokens are signed, not encrypted. They carry ids, roles and scopes only (no name, no
                // e-mail: see TokenPrincipalFactory), and decrypting an RSA-OAEP JWE on every API request was most of
                // the cost of a light authenticated GET (measured: ~2.3 ms vs ~0.06 ms to validate; ./bench.sh api).
                // Authorization codes and refresh tokens, which hold the security stamp, stay encrypted.
                o.DisableAccessTokenEncryption();

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();

                // Note: plain http is allowed only on a developer's machine and in tests; production runs behind TLS.
                if (isDevelopmentLike && auth.AllowInsecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();

                // Note: bearer tokens only from the Authorization header. A token in a URL ends up in logs, histories and
                // Referer headers, and one in a form body can be planted by another site. SignalR's WebSocket/SSE
                // handshake (browsers cannot set headers there) is lifted into the header on /hubs only (Realtime).
                o.UseAspNetCore()
                    .DisableAccessTokenExtractionFromQueryString()
                    .DisableAccessTokenExtractionFromBodyForm();
            });
    }

    private static Task RefuseInsteadOfRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // Note: API calls get a status code (and a problem document from the status-code pages), never a login redirect.
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
