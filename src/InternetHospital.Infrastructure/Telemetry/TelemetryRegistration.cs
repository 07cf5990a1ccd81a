using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Samples outbox depths, dead letters and video rooms for the gauges; only when metrics are exported.</summary>
    public static IServiceCollection AddTelemetrySampler(this IServiceCollection services)
    {
        services.AddSingleton<TelemetrySampler>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetrySampler>());
        return services;
    }
}
