using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Infrastructure.Caching;
using InternetHospital.Infrastructure.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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
                    .AddInterceptors(AvailabilityInterceptors(sp)));
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
                    .AddInterceptors(AvailabilityInterceptors(sp)));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
    }

    private static IInterceptor[] AvailabilityInterceptors(IServiceProvider services)
    {
        var invalidation = services.GetRequiredService<AvailabilityInvalidation>();
        return [invalidation.SaveInterceptor, invalidation.TransactionInterceptor];
    }
}
