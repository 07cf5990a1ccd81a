using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Caching;
using InternetHospital.Infrastructure.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Infrastructure.Persistence;

internal static class DatabaseRegistration
{
    public static void AddDatabase(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        services.AddSingleton<AppendOnlyAuditInterceptor>();
        services.AddSingleton<SqliteConnectionInterceptor>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? $"Data Source={Path.Combine(dataDirectory, "internethospital.db")}"
                    : options.ConnectionString;
                services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, builder) => builder
                    .UseSqlite(sqlite, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .UseOpenIddict<Guid>()
                    .AddInterceptors(sp.GetRequiredService<AppendOnlyAuditInterceptor>(), sp.GetRequiredService<SqliteConnectionInterceptor>())
                    .AddInterceptors(AvailabilityInterceptors(sp))
                    .ConfigureWarnings(QuietRefusedSaves));
                AddScopedContext<SqliteAppDbContext>(services);
                break;
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSQL.");
                }

                services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, builder) => builder
                    .UseNpgsql(options.ConnectionString)
                    .UseOpenIddict<Guid>()
                    .AddInterceptors(sp.GetRequiredService<AppendOnlyAuditInterceptor>())
                    .AddInterceptors(AvailabilityInterceptors(sp))
                    .ConfigureWarnings(QuietRefusedSaves));
                AddScopedContext<PostgresAppDbContext>(services);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// One context per scope, rented from EF's pool (returned when the scope ends; EF resets its state) and reported
    /// to the unit of work, so a use case that never opened the database creates and commits nothing. Note: before,
    /// each request built its options, constructed an IdentityDbContext and had EF look its services up by those
    /// options: a fifth of GET /api/care/hospital and ~25% of GET /api/me in CPU samples (./bench.sh api profile).
    /// </summary>
    private static void AddScopedContext<TContext>(IServiceCollection services)
        where TContext : AppDbContext
    {
        services.AddScoped<AppDbContext>(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            sp.GetRequiredService<OpenedDbContext>().Opened(context);
            return context;
        });
        services.AddScoped(sp => (TContext)sp.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// A save the database refuses is the caller's to judge: a duplicate is an expected answer (a lost race for a slot
    /// is a 409), anything else reaches the exception handler or the worker, which log it with the exception. EF's own
    /// error lines for it, with the SQL and a stack trace, cost the most at the release hour, when thousands lose at once.
    /// </summary>
    private static void QuietRefusedSaves(WarningsConfigurationBuilder warnings) => warnings.Log(
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (RelationalEventId.CommandError, LogLevel.Debug));

    private static IInterceptor[] AvailabilityInterceptors(IServiceProvider services)
    {
        var invalidation = services.GetRequiredService<AvailabilityInvalidation>();
        return [invalidation.SaveInterceptor, invalidation.TransactionInterceptor];
    }
}
