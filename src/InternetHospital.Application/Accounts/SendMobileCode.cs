using InternetHospital.Domain.Notifications;

namespace InternetHospital.Application.Accounts;

/// <summary>
/// Sends a one-time code by SMS, to sign in or to prove a number at registration. The answer is the same whether or not
/// the number has an account (and nothing is sent to a number without one, or to staff); limited per number and per
/// client address.
/// </summary>
public sealed record SendMobileCode(string Mobile, MobileCodePurpose Purpose, string? Language) : ICommand<MobileCodeSent>
{
    public override string ToString() => $"{nameof(SendMobileCode)} {{ Purpose = {Purpose} }}";

    public sealed class Validator : AbstractValidator<SendMobileCode>
    {
        public Validator()
        {
            RuleFor(x => x.Mobile).NotEmpty().Must(m => MobileNumber.IsValid(MobileCodes.Normalize(m))).WithLocalizedMessage("invalid_mobile");
            RuleFor(x => x.Purpose).IsInEnum();
        }
    }

    public sealed class Handler(MobileCodes codes, ICurrentUser currentUser, IOptions<HospitalOptions> hospital) : ICommandHandler<SendMobileCode, MobileCodeSent>
    {
        public async ValueTask<MobileCodeSent> Handle(SendMobileCode command, CancellationToken cancellationToken)
        {
            var language = SupportedLanguages.IsSupported(command.Language) ? command.Language! : hospital.Value.DefaultLanguage;
            var retryAfter = await codes.SendAsync(MobileCodes.Normalize(command.Mobile), command.Purpose, currentUser.IpAddress ?? "unknown", language, cancellationToken);
            return new MobileCodeSent(retryAfter is null, (int)MobileCode.Lifetime.TotalSeconds, retryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null);
        }
    }
}

/// <param name="Accepted">False when the hourly limit is reached (then nothing was sent).</param>
/// <param name="ExpiresInSeconds">How long a code lasts.</param>
/// <param name="RetryAfterSeconds">When refused, how long until a code can be asked for again.</param>
public sealed record MobileCodeSent(bool Accepted, int ExpiresInSeconds, int? RetryAfterSeconds);

/// <summary>A mobile number the portal accepts: 11 digits of a mainland number (1[3-9]...) or +country and 7 to 15 digits.</summary>
public static class MobileNumber
{
    public const string Pattern = @"^(1[3-9]\d{9}|\+\d{7,15})$";

    public static bool IsValid(string? mobile) => mobile is not null && System.Text.RegularExpressions.Regex.IsMatch(mobile, Pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
}
