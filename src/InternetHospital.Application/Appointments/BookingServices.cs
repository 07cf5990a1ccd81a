using InternetHospital.Application.Payments;
using InternetHospital.Application.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application.Appointments;

internal static class BookingServices
{
    /// <summary>The services booking's use cases share (options are bound by the infrastructure).</summary>
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddScoped<IFollowUpPolicy, FollowUpPolicy>();
        services.AddScoped<BookingRules>();
        services.AddScoped<AppointmentMessages>();

        // Note: booking's hot path (an in-person hold) needs neither; built only when used, they cost nothing there.
        services.AddScoped(sp => new Lazy<AppointmentMessages>(sp.GetRequiredService<AppointmentMessages>));
        services.AddScoped(sp => new Lazy<IFollowUpPolicy>(sp.GetRequiredService<IFollowUpPolicy>));
        services.AddScoped<AppointmentRelease>();
        services.AddScoped<SlotPlanner>();
        services.AddScoped<StaffAccess>();
        services.AddScoped<FollowUpBooking>();
        services.AddSingleton(new PaymentLink(AppointmentPaymentOutcomes.Purpose, id => $"/appointments/{id}"));
        services.AddScoped<IPaymentSubject, AppointmentPaymentSubject>();
        return services;
    }
}
