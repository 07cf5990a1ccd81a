using InternetHospital.Application.Appointments;
using InternetHospital.Application.Emergency;
using InternetHospital.Application.FamilyDoctors;
using InternetHospital.Application.Files;
using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Application.Payments;
using InternetHospital.Application.Renewals;
using InternetHospital.Application.VideoVisits;
using InternetHospital.Application.Waitlist;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.Application;

public static class DependencyInjection
{
    /// <summary>Validators and application services. The mediator itself is registered by the host (it owns the source generator).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSingleton<Common.Telemetry.AppMetrics>();
        services.AddScoped<IPatientAccessGuard, PatientAccessGuard>();
        services.AddScoped<InstitutionScope>();
        services.AddScoped<InstitutionReads>();
        services.AddScoped<ICareRelationships, ContractCareRelationships>();
        services.AddScoped<IFamilyAccess, FamilyAccess>();
        services.AddScoped<Referrals.ReferralAccess>();
        services.AddScoped<Consultations.ConsultationAccess>();
        services.AddSingleton(new PaymentLink(Consultations.StartConsultationPayment.Purpose, id => $"{Consultations.ConsultationNotifications.PatientLink}/{id}"));
        services.AddScoped<FamilyMessaging>();
        services.AddScoped<Family.FamilyContext>();
        services.AddScoped<IHisOutbox, HisOutbox>();
        services.AddScoped<IHisIdentityMatcher, HisIdentityMatcher>();
        services.AddScoped<HisDeadLetterAlerts>();
        services.AddScoped<IAfterCommit, AfterCommitQueue>();
        services.AddScoped<OpenedDbContext>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<Sms.ISmsOutbox, Sms.SmsOutbox>();
        services.AddScoped<Accounts.MobileCodes>();
        services.AddScoped<IFileStore, FileStore>();
        services.AddScoped<IPayments, PaymentService>();
        services.AddScoped<VisitAccess>();
        services.AddScoped<VideoVisits.Recording.RecordingAccess>();
        services.AddScoped<VideoVisits.Media.CallMedia>();
        services.AddScoped<IVisitAppointments, AppointmentsForVisits>();
        services.AddBooking();
        services.AddScoped<WaitlistOffers>();
        services.AddRenewals();
        services.AddScoped<Results.LabResultIntake>();
        services.AddScoped<Imaging.ImagingAccess>();
        services.AddEmergency();

        // Every notification kind's e-mail template, wherever its feature keeps it.
        foreach (var template in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(INotificationTemplate))))
        {
            services.AddSingleton(typeof(INotificationTemplate), template);
        }

        foreach (var template in typeof(DependencyInjection).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(ISmsNotificationTemplate))))
        {
            services.AddSingleton(typeof(ISmsNotificationTemplate), template);
        }

        return services;
    }
}
