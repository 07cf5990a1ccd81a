using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.His;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application;

public static class DependencyInjection
{
    /// <summary>Validators and application services. The mediator itself is registered by the host (it owns the source generator).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IPatientAccessGuard, PatientAccessGuard>();
        services.AddScoped<IHisOutbox, HisOutbox>();
        return services;
    }
}
