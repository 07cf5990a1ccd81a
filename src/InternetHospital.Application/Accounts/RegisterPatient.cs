using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Accounts;

/// <summary>
/// Self-registration under a real identity (domain rule 3): creates the patient record, the account that
/// signs in, and the grant that lets that account act for its own record, in one transaction.
/// </summary>
public sealed record RegisterPatient(
    string FullName,
    IdDocumentType IdType,
    string IdNumber,
    DateOnly DateOfBirth,
    Sex Sex,
    string Mobile,
    string Email,
    string Password,
    string? PreferredLanguage = null,
    string? MobileCode = null) : ICommand<RegisteredPatient>
{
    /// <summary>
    /// Domain rule 4: a child under 6 is seen online only with a guardian, and the account acting for them is the
    /// guardian's. Until guardians can add their children, such a child cannot have an account of their own.
    /// </summary>
    public const int YoungestOwnAccountAge = 6;

    public override string ToString() => $"{nameof(RegisterPatient)} {{ IdType = {IdType} }}";

    public sealed class Validator : AbstractValidator<RegisterPatient>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(x => x.FullName).NotEmpty().MaximumLength(100);
            RuleFor(x => x.IdType).IsInEnum();
            RuleFor(x => x.IdNumber).NotEmpty().MaximumLength(32);
            RuleFor(x => x.IdNumber)
                .Must(ResidentIdNumber.HasValidChecksum)
                .When(x => x.IdType == IdDocumentType.ResidentId && !string.IsNullOrEmpty(x.IdNumber))
                .WithLocalizedMessage("invalid_resident_id");
            RuleFor(x => x.IdNumber)
                .Matches("^[A-Za-z0-9]{5,20}$")
                .When(x => x.IdType == IdDocumentType.Passport && !string.IsNullOrEmpty(x.IdNumber))
                .WithLocalizedMessage("invalid_passport");

            RuleFor(x => x.DateOfBirth)
                .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) && d.Year >= 1900)
                .WithLocalizedMessage("invalid_date_of_birth");
            RuleFor(x => x.DateOfBirth)
                .Must(d => d.AddYears(YoungestOwnAccountAge) <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .When(x => x.DateOfBirth <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithLocalizedMessage("child_needs_guardian", YoungestOwnAccountAge);
            RuleFor(x => x.DateOfBirth)
                .Must((command, dateOfBirth) => ResidentIdOf(command)!.DateOfBirth == dateOfBirth)
                .When(x => ResidentIdOf(x) is not null)
                .WithLocalizedMessage("date_of_birth_mismatch");

            RuleFor(x => x.Sex).IsInEnum();
            RuleFor(x => x.Sex)
                .Must((command, sex) => ResidentIdOf(command)!.Sex == sex)
                .When(x => ResidentIdOf(x) is not null && Enum.IsDefined(x.Sex))
                .WithLocalizedMessage("sex_mismatch");

            RuleFor(x => x.Mobile)
                .NotEmpty()
                .Matches(@"^(1[3-9]\d{9}|\+\d{7,15})$")
                .WithLocalizedMessage("invalid_mobile");
            RuleFor(x => x.MobileCode).MaximumLength(12);
            RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(x => x.Password).NotEmpty().MinimumLength(PasswordRules.MinLength).MaximumLength(PasswordRules.MaxLength);
            RuleFor(x => x.PreferredLanguage)
                .Must(SupportedLanguages.IsSupported)
                .When(x => x.PreferredLanguage is not null)
                .WithLocalizedMessage("unsupported_language");
        }

        private static ResidentIdNumber? ResidentIdOf(RegisterPatient command) =>
            command.IdType == IdDocumentType.ResidentId && ResidentIdNumber.TryParse(command.IdNumber, out var id) ? id : null;
    }

    public sealed class Handler(
        IAppDbContext db,
        IAccountService accounts,
        IIdentifierProtector identifiers,
        IAuditLog audit,
        IHisOutbox his,
        INotifier notifier,
        MobileCodes mobileCodes,
        TimeProvider clock) : ICommandHandler<RegisterPatient, RegisteredPatient>
    {
        public async ValueTask<RegisteredPatient> Handle(RegisterPatient command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            if (await accounts.EmailInUseAsync(email, cancellationToken))
            {
                throw new DomainConflictException("duplicate_email", "An account with this e-mail address already exists.");
            }

            // Note: a number proven with an SMS code receives SMS and can sign in with codes; one given without a code is
            // kept for the record but never texted (it may not be the registrant's).
            var mobile = MobileCodes.Normalize(command.Mobile);
            var mobileVerified = false;
            if (!string.IsNullOrEmpty(command.MobileCode))
            {
                var check = await mobileCodes.CheckAsync(mobile, Domain.Notifications.MobileCodePurpose.Registration, command.MobileCode, cancellationToken);
                if (!check.IsValid)
                {
                    throw new ValidationException([ValidationMessages.Failure(nameof(MobileCode), check.LockedUntil is null ? "invalid_mobile_code" : "mobile_code_locked")]);
                }

                if (await accounts.VerifiedMobileInUseAsync(mobile, cancellationToken))
                {
                    throw new DomainConflictException("duplicate_mobile", "An account with this mobile number already exists.");
                }

                mobileVerified = true;
            }

            var idNumber = command.IdNumber.Trim().ToUpperInvariant();
            var protectedId = identifiers.Protect(command.IdType, idNumber);
            var now = clock.GetUtcNow();
            var accountId = NewId.Next();
            var existing = await db.Patients.SingleOrDefaultAsync(p => p.IdNumberHash == protectedId.Hash, cancellationToken);
            Patient patient;
            if (existing is null)
            {
                patient = Patient.Register(command.FullName, command.IdType, protectedId, command.DateOfBirth, command.Sex, command.Mobile, now);
                db.Patients.Add(patient);
                audit.Record("patient.registered", nameof(Patient), patient.Id.ToString(), patient.Id);
                his.Enqueue(patient.Id, new PatientRegisteredMessage(patient.Id, patient.FullName, patient.DateOfBirth, patient.Sex.ToString(), patient.Mobile));
            }
            else if (await ClaimableAsync(existing, command, cancellationToken))
            {
                // Note: a family member added this person (a parent, a child now old enough): their own account takes the
                // same record (one patient, one record), so a pending invitation link works once they have signed up.
                patient = existing;
                audit.Record("patient.account_created", nameof(Patient), patient.Id.ToString(), patient.Id, "record_added_by_family_member");
            }
            else
            {
                throw new DomainConflictException("duplicate_id_number", "A patient with this ID number is already registered.");
            }

            db.PatientAccesses.Add(PatientAccess.Grant(accountId, patient.Id, PatientRelationship.Self, now));

            var created = await accounts.CreateAsync(
                new NewAccount(accountId, email, patient.FullName, mobile, command.PreferredLanguage, mobileVerified),
                command.Password,
                Roles.Patient,
                cancellationToken);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.PasswordErrors.Select(e => e.On(nameof(Password))));
            }

            // Note: the welcome notice reads the account, saved by now in the transaction the unit of work commits.
            await notifier.NotifyAsync(new Notice(accountId, AccountNotifications.Registered, new Dictionary<string, string>(), "/my-health"), cancellationToken);
            return new RegisteredPatient(accountId, patient.Id);
        }

        /// <summary>A record without an account of its own, with the same name, birth date and sex as the registration.</summary>
        private async Task<bool> ClaimableAsync(Patient existing, RegisterPatient command, CancellationToken cancellationToken) =>
            string.Equals(existing.FullName, command.FullName.Trim(), StringComparison.Ordinal)
            && existing.DateOfBirth == command.DateOfBirth
            && existing.Sex == command.Sex
            && !await db.PatientAccesses.AnyAsync(a => a.PatientId == existing.Id && a.Relationship == PatientRelationship.Self, cancellationToken);
    }
}

public sealed record RegisteredPatient(Guid AccountId, Guid PatientId);
