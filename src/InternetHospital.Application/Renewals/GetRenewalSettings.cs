using InternetHospital.Application.Payments;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>The renewal settings: the fee an administrator sets, and the long-prescription limit from configuration.</summary>
public sealed record GetRenewalSettings : IQuery<RenewalSettingsView>
{
    public sealed class Handler(IAppDbContext db, IOptions<RenewalOptions> options, IOptions<PaymentOptions> payments) : IQueryHandler<GetRenewalSettings, RenewalSettingsView>
    {
        public async ValueTask<RenewalSettingsView> Handle(GetRenewalSettings query, CancellationToken cancellationToken)
        {
            var settings = await db.RenewalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RenewalSettings.SingletonId, cancellationToken);
            return new RenewalSettingsView(settings?.Fee ?? 0m, payments.Value.Currency, options.Value.LongPrescriptionMaxDays, settings?.UpdatedAt);
        }
    }
}
