namespace InternetHospital.Application.Accounts;

/// <summary>
/// Which channels notifications also use besides the notification centre (e-mail, SMS), and the time zone whose night
/// (22:00-07:00) holds SMS reminders back; null keeps the hospital's zone.
/// </summary>
public sealed record UpdateNotificationChannels(bool Email, bool Sms, string? TimeZone) : ICommand
{
    public sealed class Validator : AbstractValidator<UpdateNotificationChannels>
    {
        public Validator()
        {
            RuleFor(x => x.TimeZone)
                .Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z!, out _))
                .When(x => !string.IsNullOrEmpty(x.TimeZone))
                .WithLocalizedMessage("unknown_time_zone");
            RuleFor(x => x.TimeZone).MaximumLength(64);
        }
    }

    public sealed class Handler(IAccountService accounts, ICurrentUser currentUser) : ICommandHandler<UpdateNotificationChannels>
    {
        public async ValueTask<Unit> Handle(UpdateNotificationChannels command, CancellationToken cancellationToken)
        {
            await accounts.SetChannelsAsync(currentUser.RequireAccountId(), command.Email, command.Sms, string.IsNullOrEmpty(command.TimeZone) ? null : command.TimeZone, cancellationToken);
            return Unit.Value;
        }
    }
}
