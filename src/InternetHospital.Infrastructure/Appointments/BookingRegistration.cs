using InternetHospital.Application.Appointments;
using InternetHospital.Application.Scheduling;
using InternetHospital.Infrastructure.Caching;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Infrastructure.Appointments;

internal static class BookingRegistration
{
    public static IServiceCollection AddBookingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAppointmentCalendar, IcalAppointmentCalendar>();
        services.AddSingleton<BookingJobsService>();
        services.AddHostedService(sp => sp.GetRequiredService<BookingJobsService>());
        services.AddScoped<IDataSeeder, BookingDemoSeeder>();
        AvailabilityCache.Register(services, configuration);
        return services;
    }
}
