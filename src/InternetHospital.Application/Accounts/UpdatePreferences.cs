namespace InternetHospital.Application.Accounts;

/// <summary>Remembers the account's language so that e-mails and notifications reach them in it.</summary>
public sealed record UpdatePreferences(string Language) : ICommand
{
    public sealed class Validator : AbstractValidator<UpdatePreferences>
    {
        public Validator()
        {
            RuleFor(x => x.Language).Must(SupportedLanguages.IsSupported).WithLocalizedMessage("unsupported_language");
        }
    }

    public sealed class Handler(IAccountService accounts, ICurrentUser currentUser) : ICommandHandler<UpdatePreferences>
    {
        public async ValueTask<Unit> Handle(UpdatePreferences command, CancellationToken cancellationToken)
        {
            await accounts.SetPreferredLanguageAsync(currentUser.RequireAccountId(), command.Language, cancellationToken);
            return Unit.Value;
        }
    }
}
