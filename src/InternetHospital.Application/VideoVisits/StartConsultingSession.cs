using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits;

/// <summary>
/// A doctor starts a session of visits by proving again who they are (domain rule 3): the password, and the
/// authenticator code when two-factor sign-in is on. The session lasts <see cref="VideoOptions.ConsultingSessionLifetime"/>.
/// </summary>
public sealed record StartConsultingSession(string Password, string? Code) : ICommand<ConsultingSessionDto>
{
    public sealed class Validator : AbstractValidator<StartConsultingSession>
    {
        public Validator()
        {
            RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
            RuleFor(x => x.Code).MaximumLength(12);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser currentUser,
        IClinicianIdentityCheck identity,
        IAuditLog audit,
        IOptions<VideoOptions> options,
        TimeProvider clock) : ICommandHandler<StartConsultingSession, ConsultingSessionDto>
    {
        public async ValueTask<ConsultingSessionDto> Handle(StartConsultingSession command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var result = await identity.VerifyAsync(accountId, command.Password, command.Code, cancellationToken);
            var method = result switch
            {
                IdentityCheckResult.Verified => "password",
                IdentityCheckResult.VerifiedWithSecondFactor => "password+totp",
                IdentityCheckResult.SecondFactorRequired => throw new DomainRuleException("authenticator_code_required", "Enter the code from your authenticator app as well."),
                IdentityCheckResult.LockedOut => throw new DomainRuleException("locked_out", "Too many failed attempts. Try again in 15 minutes."),
                _ => throw new DomainRuleException("identity_check_failed", "The password (or code) is not correct."),
            };

            var now = clock.GetUtcNow();
            var open = await db.ConsultingSessions.Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync(cancellationToken);
            foreach (var previous in open)
            {
                previous.End(now);
            }

            var session = ConsultingSession.Start(accountId, method, now, options.Value.ConsultingSessionLifetime);
            db.ConsultingSessions.Add(session);
            audit.Record("consulting_session.started", "ConsultingSession", session.Id.ToString(), null, method);
            return ConsultingSessionDto.From(session, now);
        }
    }
}
