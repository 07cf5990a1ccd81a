using InternetHospital.Application.Payments;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>An administrator sets the renewal fee (0 = none); it applies to prescriptions approved from now on.</summary>
public sealed record UpdateRenewalSettings(decimal Fee) : ICommand<RenewalSettingsView>
{
    public sealed class Validator : AbstractValidator<UpdateRenewalSettings>
    {
        public Validator()
        {
            RuleFor(x => x.Fee).InclusiveBetween(0m, 10_000m).PrecisionScale(7, 2, ignoreTrailingZeros: true);
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, ICurrentUser currentUser, IAuditLog audit, IOptions<RenewalOptions> options, IOptions<PaymentOptions> payments, TimeProvider clock)
        : ICommandHandler<UpdateRenewalSettings, RenewalSettingsView>
    {
        public async ValueTask<RenewalSettingsView> Handle(UpdateRenewalSettings command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync("RenewalSettings", cancellationToken);
            var now = clock.GetUtcNow();
            var settings = await db.RenewalSettings.SingleOrDefaultAsync(s => s.Id == RenewalSettings.SingletonId, cancellationToken);
            if (settings is null)
            {
                settings = RenewalSettings.Default(now);
                db.RenewalSettings.Add(settings);
            }

            settings.SetFee(command.Fee, currentUser.RequireAccountId(), now);
            audit.Record("renewal.settings_changed", nameof(RenewalSettings), settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"fee={settings.Fee}");
            return new RenewalSettingsView(settings.Fee, payments.Value.Currency, options.Value.LongPrescriptionMaxDays, settings.UpdatedAt);
        }
    }
}
