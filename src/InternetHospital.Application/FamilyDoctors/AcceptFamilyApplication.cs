using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using Microsoft.Extensions.Logging;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>
/// A member of the team accepts an application: the contract runs a year from now, the patient joins the panel with
/// the conditions the package and the HIS know of, and the package's follow-up plan starts.
/// </summary>
public sealed partial record AcceptFamilyApplication(Guid ContractId) : ICommand<ContractView>
{
    public sealed partial class Handler(
        IAppDbContext db,
        IFamilyAccess access,
        ICurrentUser currentUser,
        IHisReader his,
        INotifier notifier,
        IAuditLog audit,
        Renewals.IPendingRenewalCounts pendingRenewals,
        TimeProvider clock,
        ILogger<AcceptFamilyApplication> logger) : ICommandHandler<AcceptFamilyApplication, ContractView>
    {
        public async ValueTask<ContractView> Handle(AcceptFamilyApplication command, CancellationToken cancellationToken)
        {
            var (doctor, contract, team) = await TeamContracts.LoadForTeamAsync(db, access, command.ContractId, cancellationToken);
            var now = clock.GetUtcNow();
            contract.Accept(doctor.Id, currentUser.RequireAccountId(), now);

            var package = await db.ServicePackages.AsNoTracking().SingleAsync(p => p.Id == contract.PackageId, cancellationToken);
            var conditions = new List<string>();
            if (package.ConditionCode is not null)
            {
                conditions.Add(package.ConditionCode);
            }

            conditions.AddRange(await ConditionsFromHisAsync(contract.PatientId, cancellationToken));
            var profile = await db.CareProfiles.Include(p => p.Conditions).SingleOrDefaultAsync(p => p.PatientId == contract.PatientId, cancellationToken);
            if (profile is null)
            {
                db.CareProfiles.Add(CareProfile.Create(contract.PatientId, conditions, now));
            }
            else
            {
                profile.AddConditions(conditions, now);
            }

            if (FollowUpTemplates.Find(package.FollowUpTemplateCode) is { } template)
            {
                var today = access.Today();
                var running = await db.FollowUpPlans.AnyAsync(p => p.PatientId == contract.PatientId && p.TemplateCode == template.Code && p.StoppedAt == null, cancellationToken);
                if (!running)
                {
                    db.FollowUpPlans.Add(FollowUpPlan.Start(template, contract.PatientId, contract.Id, null, today.AddMonths(template.IntervalMonths), today, now));
                }
            }

            audit.Record("family.contract.accepted", nameof(FamilyContract), contract.Id.ToString(), contract.PatientId);
            await notifier.TellPatientAsync(access, contract, team, FamilyNotifications.ContractAccepted, cancellationToken);

            // Requests made before the patient joined the panel count too.
            await pendingRenewals.PublishAsync(contract.PatientId, cancellationToken);

            var packageRef = new PackageRef(package.Id, package.Code, package.Name, package.NameEn);
            return ContractViews.From(contract, new TeamRef(team.Id, team.Name, team.NameEn), packageRef, now);
        }

        /// <summary>The panel conditions the HIS has diagnoses for. A HIS that cannot answer delays nothing: the team adds them later.</summary>
        private async Task<IEnumerable<string>> ConditionsFromHisAsync(Guid patientId, CancellationToken cancellationToken)
        {
            var hisPatientId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.HisPatientId).SingleAsync(cancellationToken);
            if (hisPatientId is null)
            {
                return [];
            }

            try
            {
                var diagnoses = await his.GetDiagnosesAsync(hisPatientId, cancellationToken);
                return diagnoses.Value.Select(d => Domain.FamilyDoctors.ChronicConditions.FromIcd10(d.Icd10Code)).OfType<string>().Distinct().ToList();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHisUnavailable(logger, exception);
                return [];
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The HIS could not list diagnoses while a family-doctor contract was accepted; conditions were left to the team")]
        private static partial void LogHisUnavailable(ILogger logger, Exception exception);
    }
}
