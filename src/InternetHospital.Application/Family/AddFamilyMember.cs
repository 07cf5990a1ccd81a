using System.Text.RegularExpressions;
using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Notifications;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// Adds a person the account will act for (就诊人), under their real identity as at registration (domain rule 3). The
/// person's record is matched by identity number (never a second record) or created and sent to the HIS. A child
/// (under 18) whose record has no account of its own is the account's ward at once (the account holder declares to be
/// the guardian, domain rule 4); an adult, or anybody whose record already has its own account, must consent first:
/// an invitation goes to their account or e-mail address, or hospital staff approve a signed paper form.
/// </summary>
public sealed partial record AddFamilyMember(
    string Relation,
    string IdType,
    string IdNumber,
    string FullName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Email = null,
    string? Phone = null,
    IReadOnlyList<string>? Scopes = null,
    DateOnly? AccessEndsOn = null) : ICommand<AddedFamilyMember>
{
    public override string ToString() => $"{nameof(AddFamilyMember)} {{ Relation = {Relation}, IdType = {IdType} }}";

    public sealed class Validator : AbstractValidator<AddFamilyMember>
    {
        public Validator()
        {
            RuleFor(x => x.Relation)
                .Must(r => FamilyNames.ParseRelation(r) is { } relation && relation != FamilyRelation.Self)
                .WithLocalizedMessage("invalid_relation");
            RuleFor(x => x.IdType).Must(t => IdTypeOf(t) is not null).WithLocalizedMessage("invalid_id_type");
            RuleFor(x => x.IdNumber).NotEmpty().MaximumLength(32);
            RuleFor(x => x.FullName).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Sex).IsInEnum();
            RuleFor(x => x.Email).EmailAddress().MaximumLength(254).When(x => !string.IsNullOrEmpty(x.Email));
            RuleFor(x => x.Phone).Matches(@"^(1[3-9]\d{9}|\+\d{7,15})$").When(x => !string.IsNullOrEmpty(x.Phone)).WithLocalizedMessage("invalid_mobile");
            RuleFor(x => x.Scopes).Must(s => PatientScopes.Parse(s) is not null).WithLocalizedMessage("invalid_scopes");
        }
    }

    internal static IdDocumentType? IdTypeOf(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "resident" or "residentid" => IdDocumentType.ResidentId,
        "passport" => IdDocumentType.Passport,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9]{5,20}$")]
    private static partial Regex PassportNumber();

    public sealed class Handler(
        IAppDbContext db,
        FamilyContext family,
        IIdentifierProtector identifiers,
        IAccountService accounts,
        INotifier notifier,
        IHisOutbox his,
        IAuditLog audit,
        IOptions<HospitalOptions> hospital) : ICommandHandler<AddFamilyMember, AddedFamilyMember>
    {
        public async ValueTask<AddedFamilyMember> Handle(AddFamilyMember command, CancellationToken cancellationToken)
        {
            var accountId = family.AccountId;
            var now = family.Now;
            var today = family.Today;
            var options = family.Options;
            var relation = FamilyNames.ParseRelation(command.Relation)!.Value;
            var idType = IdTypeOf(command.IdType)!.Value;
            var idNumber = command.IdNumber.Trim().ToUpperInvariant();
            var fullName = command.FullName.Trim();
            EnsureIdentityChecks(idType, idNumber, command.DateOfBirth, command.Sex, today);

            var age = PatientAccessGuard.AgeOn(command.DateOfBirth, today);
            if (command.AccessEndsOn is { } endsOn && endsOn <= today)
            {
                throw new DomainRuleException("access_end_in_past", "The end date of the access must be in the future.");
            }

            // The limit counts people the account acts for now and people it has asked.
            var members = await db.PatientAccesses.CountAsync(a => a.AccountId == accountId && a.RevokedAt == null && a.Relationship != PatientRelationship.Self, cancellationToken)
                + await db.FamilyInvitations.CountAsync(i => i.FromAccountId == accountId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken);
            if (members >= options.MaxMembersPerAccount)
            {
                throw new DomainConflictException("member_limit_reached", $"An account can act for at most {options.MaxMembersPerAccount} family members.");
            }

            var protectedId = identifiers.Protect(idType, idNumber);
            var patient = await db.Patients.SingleOrDefaultAsync(p => p.IdNumberHash == protectedId.Hash, cancellationToken);
            var hasOwnAccount = false;
            if (patient is not null)
            {
                // Note: the same identity must come with the same name, birth date and sex as the record: knowing an ID
                // number alone must not attach anybody to a stranger's record.
                if (!string.Equals(patient.FullName, fullName, StringComparison.Ordinal) || patient.DateOfBirth != command.DateOfBirth || patient.Sex != command.Sex)
                {
                    throw new DomainRuleException("identity_mismatch", "The name, date of birth or sex do not match this identity.");
                }

                var patientId = patient.Id;
                var accesses = await db.PatientAccesses.Where(a => a.PatientId == patientId && a.RevokedAt == null).ToListAsync(cancellationToken);
                var askedAlready = await db.FamilyInvitations.AnyAsync(
                    i => i.FromAccountId == accountId && i.PatientId == patientId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken);
                if (accesses.Any(a => a.AccountId == accountId) || askedAlready)
                {
                    throw new DomainConflictException("member_already_added", "You already act for this person, or have asked to.");
                }

                if (accesses.Count(a => a.Relationship != PatientRelationship.Self) >= options.MaxProxiesPerPatient)
                {
                    throw new DomainConflictException("guardian_limit_reached", $"At most {options.MaxProxiesPerPatient} accounts can act for one person.");
                }

                hasOwnAccount = accesses.Any(a => a.Relationship == PatientRelationship.Self);
            }
            else
            {
                patient = Patient.Register(fullName, idType, protectedId, command.DateOfBirth, command.Sex, command.Phone ?? string.Empty, now);
                db.Patients.Add(patient);
                audit.Record("patient.registered", nameof(Patient), patient.Id.ToString(), patient.Id, "by_family_member");
                his.Enqueue(patient.Id, new PatientRegisteredMessage(patient.Id, patient.FullName, patient.DateOfBirth, patient.Sex.ToString(), patient.Mobile));
            }

            var child = age < options.AdultAt;
            if (child && !hasOwnAccount)
            {
                var access = PatientAccess.Grant(accountId, patient.Id, PatientRelationship.Guardian, relation, PatientScope.All, command.DateOfBirth.AddYears(options.AdultAt), accountId, now);
                db.PatientAccesses.Add(access);
                audit.Record("family.guardian_added", nameof(PatientAccess), access.Id.ToString(), patient.Id, FamilyNames.Relation(relation));
                return new AddedFamilyMember(patient.Id, "active", null);
            }

            var token = FamilyContext.NewToken();
            var scopes = PatientScopes.Parse(command.Scopes) is { } asked && asked != PatientScope.None ? asked : PatientScope.All;
            var invitation = FamilyInvitation.Create(
                FamilyContext.HashToken(token), accountId, patient.Id, relation, child ? PatientScope.All : scopes, child ? null : command.AccessEndsOn, now + options.InvitationLifetime, now);
            db.FamilyInvitations.Add(invitation);
            audit.Record("family.invitation_sent", nameof(FamilyInvitation), invitation.Id.ToString(), patient.Id, FamilyNames.Relation(relation));

            var from = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
            if (hasOwnAccount)
            {
                var patientId = patient.Id;
                var own = await db.PatientAccesses
                    .Where(a => a.PatientId == patientId && a.Relationship == PatientRelationship.Self && a.RevokedAt == null)
                    .Select(a => a.AccountId)
                    .ToListAsync(cancellationToken);
                foreach (var recipient in own)
                {
                    await notifier.NotifyAsync(
                        new Notice(recipient, ProxyNotifications.InvitationReceived, new Dictionary<string, string> { ["name"] = from }, ProxyNotifications.InvitationLink(token)),
                        cancellationToken);
                }
            }
            else if (!string.IsNullOrWhiteSpace(command.Email))
            {
                db.EmailOutbox.Add(InvitationEmail(command.Email.Trim(), fullName, from, token, now));
            }

            return new AddedFamilyMember(patient.Id, "pending", invitation.Id);
        }

        /// <summary>
        /// For a person without an account the language is unknown, so the e-mail carries both. It says who asks and
        /// where to answer; the link's token is the only way to the request (signing in or registering with the same
        /// identity is still required to consent).
        /// </summary>
        private EmailMessage InvitationEmail(string to, string name, string from, string token, DateTimeOffset now)
        {
            var link = hospital.Value.PublicUrl.TrimEnd('/') + ProxyNotifications.InvitationLink(token);
            var body =
                $"{name}，您好：\n\n{from}请求作为您的家人代您使用{hospital.Value.Name}互联网医院（预约、查看记录或缴费）。" +
                $"请打开以下链接，登录或用本人身份注册后选择同意的范围和截止日期，或拒绝：\n{link}\n您可随时撤销授权。\n\n" +
                $"Dear {name},\n\n{from} asks to act for you at {hospital.Value.NameEn} (book visits, see records or pay for you). " +
                $"Open this link, sign in or register with your own identity, and choose what you allow and until when, or decline:\n{link}\nYou can revoke it at any time.\n";
            return EmailMessage.Create(to, $"{hospital.Value.Name}：家人授权请求 / A family member asks to act for you", body, now);
        }

        private static void EnsureIdentityChecks(IdDocumentType idType, string idNumber, DateOnly dateOfBirth, Sex sex, DateOnly today)
        {
            if (idType == IdDocumentType.ResidentId)
            {
                if (!ResidentIdNumber.TryParse(idNumber, out var resident))
                {
                    throw new DomainRuleException("id_invalid", "The resident ID number does not pass the GB 11643 check.");
                }

                if (resident!.DateOfBirth != dateOfBirth || resident.Sex != sex)
                {
                    throw new DomainRuleException("identity_mismatch", "The date of birth or sex do not match the ID number.");
                }
            }
            else if (!PassportNumber().IsMatch(idNumber))
            {
                throw new DomainRuleException("id_invalid", "A passport number is 5 to 20 letters and digits.");
            }

            if (dateOfBirth > today || dateOfBirth.Year < 1900)
            {
                throw new DomainRuleException("identity_mismatch", "The date of birth is not possible.");
            }
        }
    }
}

/// <param name="Status"><c>active</c> (the account acts for the person now) or <c>pending</c> (waiting for consent).</param>
public sealed record AddedFamilyMember(Guid PatientId, string Status, Guid? InvitationId);
