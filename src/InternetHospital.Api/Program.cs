using InternetHospital.Api.Common;
using InternetHospital.Application;
using InternetHospital.Infrastructure;
using InternetHospital.Infrastructure.Options;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = RequestBodyLimit.DefaultBytes;
    kestrel.AddServerHeader = false;
});

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddApi(builder.Configuration)
    .AddObservability(builder.Configuration);

var app = builder.Build();

// `InternetHospital.Api migrate` applies migrations and seeds reference data, then exits (how production upgrades).
if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
{
    await using var scope = app.Services.CreateAsyncScope();
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    await initializer.MigrateAsync(CancellationToken.None);
    await initializer.SeedAsync(CancellationToken.None);
    Console.WriteLine("Database is up to date.");
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
    {
        await initializer.MigrateAsync(CancellationToken.None);
    }

    await initializer.SeedAsync(CancellationToken.None);
}

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLanguages();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseSpaStaticFiles();
app.UseRouting();
app.UseRequestBodyLimit();
app.UseRealtimeGate();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// Note: the API reference is for developers: public in Development (and tests), not served at all elsewhere. Off
// rather than behind an admin sign-in, because the Scalar page is a browser page that cannot send a bearer token,
// and an outside copy of the document helps nobody but someone mapping the attack surface.
if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing"))
{
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference("/docs").AllowAnonymous();
}
app.MapApiHealthChecks();
app.MapMetricsEndpoint();
app.MapEndpointGroups();
app.MapSpaFallback();

if (app.Environment.IsDevelopment())
{
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
}

await app.RunAsync();
