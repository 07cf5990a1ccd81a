using InternetHospital.Domain.Notifications;

namespace InternetHospital.Application.Accounts;

/// <summary>
/// Checks a sign-in code sent by SMS. On success it names the account the browser session is to be started for (the
/// endpoint signs in exactly as after a password); otherwise the same "invalid code" whatever the reason, or locked.
/// </summary>
public sealed record CheckSignInCode(string Mobile, string Code) : ICommand<MobileCodeCheck>
{
    public override string ToString() => nameof(CheckSignInCode);

    public sealed class Validator : AbstractValidator<CheckSignInCode>
    {
        public Validator()
        {
            RuleFor(x => x.Mobile).NotEmpty().Must(m => MobileNumber.IsValid(MobileCodes.Normalize(m))).WithLocalizedMessage("invalid_mobile");
            RuleFor(x => x.Code).NotEmpty().MaximumLength(12);
        }
    }

    public sealed class Handler(MobileCodes codes) : ICommandHandler<CheckSignInCode, MobileCodeCheck>
    {
        public async ValueTask<MobileCodeCheck> Handle(CheckSignInCode command, CancellationToken cancellationToken)
        {
            var check = await codes.CheckAsync(MobileCodes.Normalize(command.Mobile), MobileCodePurpose.SignIn, command.Code, cancellationToken);
            return check.IsValid && check.AccountId is null ? MobileCodeCheck.Invalid : check;
        }
    }
}
