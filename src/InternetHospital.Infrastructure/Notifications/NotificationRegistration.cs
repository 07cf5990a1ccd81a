using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Notifications;

internal static class NotificationRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return options.Delivery == EmailDelivery.Smtp
                ? new SmtpEmailTransport(options)
                : new PickupDirectoryEmailTransport(Path.Combine(dataDirectory, options.PickupDirectory));
        });
        services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
