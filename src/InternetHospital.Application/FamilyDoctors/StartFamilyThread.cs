using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// A new conversation with its first message: the patient writing to their team, or a member of the team writing to
/// the patient. Only while the contract is in force.
/// </summary>
/// <param name="AsTeam">Set by the endpoint (the doctor's route), never by the client.</param>
public sealed record StartFamilyThread(Guid PatientId, string Subject, string Body, bool AsTeam) : ICommand<ThreadDetail>
{
    public sealed class Validator : AbstractValidator<StartFamilyThread>
    {
        public Validator()
        {
            RuleFor(x => x.Subject).NotEmpty().MaximumLength(MessageThread.MaxSubjectLength);
            RuleFor(x => x.Body).NotEmpty().MaximumLength(FamilyMessage.MaxBodyLength);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IFamilyAccess access,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        FamilyMessaging messaging,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<StartFamilyThread, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(StartFamilyThread command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            FamilyContract contract;
            Guid? doctorId = null;
            if (command.AsTeam)
            {
                var (doctor, active) = await access.RequireCaringDoctorAsync(command.PatientId, cancellationToken);
                (contract, doctorId) = (active, doctor.Id);
            }
            else
            {
                await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Messages, cancellationToken);
                contract = await access.ActiveContractAsync(command.PatientId, cancellationToken)
                    ?? throw new DomainRuleException("no_family_doctor", "You can message a family-doctor team once you have signed a contract with it.");
            }

            var side = command.AsTeam ? MessageSide.Team : MessageSide.Patient;
            var thread = MessageThread.Start(contract, command.Subject, side, accountId, now);
            db.MessageThreads.Add(thread);
            var message = await messaging.PostAsync(thread, contract, side, accountId, doctorId, command.Body, [], now, cancellationToken);
            audit.Record("family.message.sent", nameof(FamilyMessage), message.Id.ToString(), command.PatientId);
            await db.SaveChangesAsync(cancellationToken);

            var team = await db.FamilyTeams.FindAsync([thread.TeamId], cancellationToken) ?? throw new NotFoundException("Team", thread.TeamId);
            var patientName = await db.Patients.FindAsync([thread.PatientId], cancellationToken);
            return new ThreadDetail(
                thread.Id,
                thread.PatientId,
                patientName?.FullName ?? string.Empty,
                new TeamRef(team.Id, team.Name, team.NameEn),
                thread.Subject,
                side,
                true,
                [MessageView.From(message, accountId)]);
        }
    }
}

/// <param name="MySide">The side the caller writes on.</param>
/// <param name="Open">Whether people can still write: the contract it belongs to is in force.</param>
public sealed record ThreadDetail(
    Guid Id,
    Guid PatientId,
    string PatientName,
    TeamRef Team,
    string Subject,
    MessageSide MySide,
    bool Open,
    IReadOnlyList<MessageView> Messages);
