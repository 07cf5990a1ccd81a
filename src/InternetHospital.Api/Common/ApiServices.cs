using System.Text.Json.Serialization;
using InternetHospital.Api.Features.Accounts;
using InternetHospital.Api.Features.VideoVisits;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Behaviours;
using InternetHospital.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OpenApi;
using OpenIddict.Validation.AspNetCore;

namespace InternetHospital.Api.Common;

internal static class ApiServices
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            // Note: Scoped, because handlers use the scoped DbContext and validators (the Singleton default cannot).
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            // Note: the unit of work commits inside AfterCommit, so work queued for after the commit runs after it.
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(AfterCommitBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<TokenPrincipalFactory>();
        services.AddSessionRevocation();
        services.AddServerHandlerOnItsPaths();
        services.AddVerifiedAccessTokens();
        services.AddSingleton<UnknownAccountLockout>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions[ProblemExtensions.TraceId] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;

            // Note: every problem carries a code clients can translate; those that name no reason (a 401 from the
            // token check, a 500, a hand-written ValidationProblem) get the generic one of their status.
            if (!context.ProblemDetails.Extensions.ContainsKey(ProblemExtensions.Code))
            {
                context.ProblemDetails.Extensions[ProblemExtensions.Code] = context.ProblemDetails is HttpValidationProblemDetails
                    ? ProblemCodes.ValidationFailed
                    : ProblemCodes.ForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        // Note: malformed JSON and wrong types throw instead of answering an empty 400, so they get field errors.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddAuthentication(options =>
        {
            // Note: the API accepts bearer tokens only; the Identity cookie is used by the sign-in flow alone,
            // so a cross-site request carrying the cookie can never call the API.
            options.DefaultAuthenticateScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            options.DefaultForbidScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        });
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(BearerPolicy().Build())

            // Note: an endpoint that forgets to say who may call it still requires a signed-in caller.
            .SetFallbackPolicy(BearerPolicy().Build())
            .AddRolePolicies();

        services.AddRequestLanguages();
        services.AddApiRateLimiting(configuration);
        services.AddRealtime(configuration);
        services.AddVideoVisits(configuration);
        Features.Emergency.EmergencyServices.AddEmergencyApi(services);
        services.AddApiHealthChecks();
        services.AddApiCompression();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "InternetHospital API";
                document.Info.Description = "Patient portal of an internet hospital. Authenticate with an OpenID Connect access token (authorization code + PKCE at /connect/authorize).";
                return Task.CompletedTask;
            });

            // Note: request records are nested in their feature's endpoint class and several features use the same
            // short names (NoteRequest, MessageRequest); by name alone the document showed one feature's body for the
            // other's endpoints. A nested type's id is prefixed with its feature (VideoVisitNoteRequest).
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type is { IsNested: true, DeclaringType: { } feature } && !type.Type.IsGenericType
                    ? feature.Name.Replace("Endpoints", string.Empty, StringComparison.Ordinal) + id
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });

        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, configuration));
        return services;
    }

    /// <summary>
    /// <c>X-Forwarded-For</c> names the client only when the request comes from a configured proxy. The framework's
    /// defaults trust loopback, so a caller on the same host could name any address and get a fresh rate-limit bucket
    /// per request; and with both lists empty the middleware trusts every sender. So the defaults are cleared, only
    /// <c>ReverseProxy:KnownProxies</c> is trusted, and without any the headers are not read at all.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // Note: blank entries are skipped: infra/compose.yaml passes an empty PROXY_ADDRESS when there is no proxy.
        foreach (var proxy in (configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? []).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy.Trim()));
        }

        options.ForwardedHeaders = options.KnownProxies.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
    }

    private static AuthorizationPolicyBuilder BearerPolicy() =>
        new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).RequireAuthenticatedUser();

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, BearerPolicy().RequireRole(role).Build());
        }

        builder.AddPolicy(Policies.Staff, BearerPolicy().RequireRole([.. Roles.Staff]).Build());
        builder.AddPolicy(Policies.HealthCodeScanners, BearerPolicy().RequireRole([.. Roles.HealthCodeScanners]).Build());
        return builder;
    }
}

/// <summary>Authorization policy names: one per role (same name as the role), plus groups.</summary>
internal static class Policies
{
    public const string Patient = Roles.Patient;
    public const string Doctor = Roles.Doctor;
    public const string Pharmacist = Roles.Pharmacist;
    public const string SystemAdmin = Roles.SystemAdmin;
    public const string SecurityAdmin = Roles.SecurityAdmin;
    public const string AuditAdmin = Roles.AuditAdmin;
    public const string Staff = "Staff";
    public const string HealthCodeScanners = "HealthCodeScanners";
    public const string Paramedic = Roles.Paramedic;
    public const string EmergencyStaff = Roles.EmergencyStaff;
}
