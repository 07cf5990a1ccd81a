using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A patient applies to sign with a family-doctor team for a service package. One pending or active contract at a time.</summary>
public sealed record ApplyForFamilyContract(Guid PatientId, Guid TeamId, Guid PackageId, string? Note) : ICommand<ContractView>
{
    public sealed class Validator : AbstractValidator<ApplyForFamilyContract>
    {
        public Validator()
        {
            RuleFor(x => x.TeamId).NotEmpty();
            RuleFor(x => x.PackageId).NotEmpty();
            RuleFor(x => x.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IFamilyAccess access,
        INotifier notifier,
        IAuditLog audit,
        IUnitOfWork unitOfWork,
        TimeProvider clock) : ICommandHandler<ApplyForFamilyContract, ContractView>
    {
        public async ValueTask<ContractView> Handle(ApplyForFamilyContract command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();

            var team = await db.FamilyTeams.AsNoTracking().Include(t => t.Packages).SingleOrDefaultAsync(t => t.Id == command.TeamId, cancellationToken)
                ?? throw new NotFoundException("Family-doctor team", command.TeamId);
            if (!team.AcceptingApplications)
            {
                throw new DomainRuleException("team_not_accepting", "This team is not taking new patients at the moment.");
            }

            var package = await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PackageId, cancellationToken)
                ?? throw new NotFoundException("Service package", command.PackageId);
            if (!team.Offers(package.Id))
            {
                throw new DomainRuleException("package_not_offered", "This team does not offer that package. Choose one of the packages it offers.");
            }

            var open = await db.FamilyContracts
                .Where(c => c.PatientId == command.PatientId && (c.Status == ContractStatus.Pending || c.Status == ContractStatus.Active))
                .ToListAsync(cancellationToken);
            foreach (var stale in open.Where(c => c.Expire(now)))
            {
                // Note: a contract past its end that the expiry job has not reached yet must not block a new one.
                audit.Record("family.contract.expired", nameof(FamilyContract), stale.Id.ToString(), stale.PatientId);
            }

            if (open.Any(c => c.Status == ContractStatus.Active))
            {
                throw new DomainConflictException("contract_already_active", "You already have a family-doctor contract. End it before signing with another team.");
            }

            if (open.Any(c => c.Status == ContractStatus.Pending))
            {
                throw new DomainConflictException("application_pending", "You already have an application waiting for a decision.");
            }

            var contract = FamilyContract.Apply(command.PatientId, team.Id, package.Id, accountId, command.Note, now);
            db.FamilyContracts.Add(contract);
            audit.Record("family.contract.applied", nameof(FamilyContract), contract.Id.ToString(), command.PatientId);
            await notifier.NotifyAllAsync(await access.TeamAccountsAsync(team.Id, cancellationToken), FamilyNotifications.ApplicationReceived, FamilyNotifications.DoctorPanelLink, cancellationToken);

            // Note: two applications raced; the filtered unique index let exactly one in.
            unitOfWork.OnUniqueViolation(_ => new DomainConflictException("application_pending", "You already have an application waiting for a decision."));

            return ContractViews.From(contract, new TeamRef(team.Id, team.Name, team.NameEn), new PackageRef(package.Id, package.Code, package.Name, package.NameEn), now);
        }
    }
}
