using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Caching;
using InternetHospital.Infrastructure.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, builder) => builder
                    .UseSqlite(sqlite, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .UseOpenIddict<Guid>()
                    .AddInterceptors(sp.GetRequiredService<AppendOnlyAuditInterceptor>(), sp.GetRequiredService<SqliteConnectionInterceptor>())
                    .AddInterceptors(AvailabilityInterceptors(sp)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                Track(services, sp => new SqliteAppDbContext(sp.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()));
                break;
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSQL.");
                }

                services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, builder) => builder
                    .UseNpgsql(options.ConnectionString)
                    .UseOpenIddict<Guid>()
                    .AddInterceptors(sp.GetRequiredService<AppendOnlyAuditInterceptor>())
                    .AddInterceptors(AvailabilityInterceptors(sp)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                Track(services, sp => new PostgresAppDbContext(sp.GetRequiredService<DbContextOptions<PostgresAppDbContext>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Each scope's context tells the unit of work it exists, so a use case that never opened the database commits
    /// nothing and creates no context. Note: the options are built once (singleton, every part of them is a
    /// singleton): built per request they were a tenth of a light request, and EF compared them field by field
    /// against its cache on every first use of a context.
    /// </summary>
    private static void Track(IServiceCollection services, Func<IServiceProvider, AppDbContext> create) =>
        services.Replace(ServiceDescriptor.Scoped(sp =>
        {
            var context = create(sp);
            sp.GetRequiredService<OpenedDbContext>().Opened(context);
            return context;
        }));

    private static IInterceptor[] AvailabilityInterceptors(IServiceProvider services)
    {
        var invalidation = services.GetRequiredService<AvailabilityInvalidation>();
        return [invalidation.SaveInterceptor, invalidation.TransactionInterceptor];
    }
}
