using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application.Emergency;

public static class EmergencyRegistration
{
    public static IServiceCollection AddEmergency(this IServiceCollection services)
    {
        services.AddScoped<EmergencyAccess>();
        services.AddScoped<EmergencyViews>();
        services.AddScoped<EmergencyBroadcast>();
        services.AddScoped<CrewWriter>();
        services.AddScoped<DepartmentWriter>();
        services.AddScoped<EmergencyQualityRows>();
        services.AddScoped<EmergencyCallRoom>();
        return services;
    }
}
