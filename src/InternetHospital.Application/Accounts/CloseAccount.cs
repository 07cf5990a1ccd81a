using InternetHospital.Application.VideoVisits;

namespace InternetHospital.Application.Accounts;

/// <summary>
/// A patient closes their account (PIPL: the right to have personal information deleted). Sign-in ends at once and the
/// account loses everything that identifies the person; the medical record (the patient, appointments, visit notes,
/// prescriptions) stays, because the law requires it to be kept at least 15 years (domain rule 12), and the answer says so.
/// The password is asked again, so a token left on a shared phone cannot close someone's account.
/// </summary>
public sealed record CloseAccount(string Password, string? AuthenticatorCode = null) : ICommand<AccountClosed>
{
    public const int MedicalRecordRetentionYears = 15;

    public sealed class Validator : AbstractValidator<CloseAccount>
    {
        public Validator()
        {
            RuleFor(x => x.Password).NotEmpty().MaximumLength(512);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IClinicianIdentityCheck identityCheck,
        IAccountService accounts,
        IAccountSessions sessions,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<CloseAccount, AccountClosed>
    {
        public async ValueTask<AccountClosed> Handle(CloseAccount command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            switch (await identityCheck.VerifyAsync(accountId, command.Password, command.AuthenticatorCode, cancellationToken))
            {
                case IdentityCheckResult.Verified or IdentityCheckResult.VerifiedWithSecondFactor:
                    break;
                case IdentityCheckResult.SecondFactorRequired:
                    throw new DomainRuleException("authenticator_code_required", "Enter the code from your authenticator app as well.");
                case IdentityCheckResult.LockedOut:
                    throw new DomainRuleException("locked_out", "Too many failed attempts. Try again in 15 minutes.");
                default:
                    throw new DomainRuleException("identity_check_failed", "The password (or code) is not correct.");
            }

            // Note: the account stops acting for anyone; the patients' records themselves are untouched.
            var now = clock.GetUtcNow();
            var accesses = await db.PatientAccesses.Where(a => a.AccountId == accountId && a.RevokedAt == null).ToListAsync(cancellationToken);
            foreach (var access in accesses)
            {
                access.Revoke(now);
                audit.Record("account.closed", "Account", accountId.ToString(), access.PatientId, "identifiers removed; medical record kept");
            }

            if (accesses.Count == 0)
            {
                audit.Record("account.closed", "Account", accountId.ToString(), null, "identifiers removed");
            }

            // Note: every device is signed out with it: access tokens already issued fail on their next request.
            await sessions.EndAllAsync(accountId, except: null, cancellationToken);

            // Closing saves the unit of work (the revoked access and the audit entries) in its own transaction.
            await accounts.CloseAsync(accountId, cancellationToken);
            return new AccountClosed(now, accesses.Select(a => a.PatientId).ToList(), MedicalRecordRetentionYears,
                new LocalizedText(
                    $"您的账户已注销：无法再登录，账户中的邮箱、手机号和姓名已删除。依照法律规定，您的病历（就诊记录、预约、病程记录和处方）将至少保存 {MedicalRecordRetentionYears} 年，不会被删除。",
                    $"Your account is closed: it can no longer sign in, and its e-mail, mobile number and name have been removed. As the law requires, your medical record (visits, appointments, notes and prescriptions) is kept for at least {MedicalRecordRetentionYears} years and is not deleted."));
        }
    }
}

/// <param name="PatientIds">The patient records the account acted for; they stay, with the hospital.</param>
/// <param name="MedicalRecordRetentionYears">How long the law requires the medical record to be kept.</param>
public sealed record AccountClosed(DateTimeOffset ClosedAt, IReadOnlyList<Guid> PatientIds, int MedicalRecordRetentionYears, LocalizedText Notice);

/// <summary>A text in both languages of the portal.</summary>
public sealed record LocalizedText(string ZhCn, string En);
