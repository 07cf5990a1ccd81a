using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Referrals;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Referrals;

/// <param name="DrugCode">The hospital catalogue's code; names and strength come from the catalogue.</param>
public sealed record CarePlanMedicineInput(string DrugCode, decimal DoseAmount, string Frequency, string? Route, int Days);

/// <param name="TemplateCode">A follow-up template (<c>hypertension-bp-review</c>, ...): the team's plan of that kind starts with this due date.</param>
public sealed record CarePlanTaskInput(string TemplateCode, DateOnly DueOn);

/// <summary>
/// A hospital doctor refers a recovering patient down to the family-doctor team the patient has signed with
/// (双向转诊, down), with a care plan: medicines and follow-up tasks with due dates, which land in the team's
/// follow-up plans when a member accepts.
/// </summary>
public sealed record ReferPatientDown(
    Guid PatientId,
    Guid TeamId,
    string Reason,
    string? CarePlan,
    IReadOnlyList<CarePlanMedicineInput>? Medicines,
    IReadOnlyList<CarePlanTaskInput>? Tasks) : ICommand<ReferralView>
{
    public sealed class Validator : AbstractValidator<ReferPatientDown>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.TeamId).NotEmpty();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(Referral.MaxReasonLength);
            RuleFor(x => x.CarePlan).MaximumLength(Referral.MaxQuestionLength);
            RuleFor(x => x.Medicines).Must(m => m is null || m.Count <= Referral.MaxMedicines).WithLocalizedMessage("too_many_referral_items");
            RuleFor(x => x.Tasks).Must(t => t is null || t.Count <= Referral.MaxTasks).WithLocalizedMessage("too_many_referral_items");
            RuleForEach(x => x.Medicines).ChildRules(m =>
            {
                m.RuleFor(x => x.DrugCode).NotEmpty().MaximumLength(DrugLine.DrugCodeMaxLength);
                m.RuleFor(x => x.DoseAmount).GreaterThan(0).LessThan(10_000);
                m.RuleFor(x => x.Frequency).NotEmpty().MaximumLength(DrugLine.FrequencyMaxLength);
                m.RuleFor(x => x.Route).MaximumLength(DrugLine.RouteMaxLength);
                m.RuleFor(x => x.Days).InclusiveBetween(1, 84);
            }).When(x => x.Medicines is not null);
            RuleForEach(x => x.Tasks).ChildRules(t =>
                t.RuleFor(x => x.TemplateCode).NotEmpty().Must(code => FollowUpTemplates.Find(code) is not null).WithLocalizedMessage("unknown_follow_up_template"))
                .When(x => x.Tasks is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock) : ICommandHandler<ReferPatientDown, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(ReferPatientDown command, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, command.PatientId, cancellationToken);
            if (me.FacilityKind != FacilityKind.Hospital)
            {
                throw new DomainRuleException("referral_down_from_hospital", "Referrals down to a family-doctor team start at the hospital.");
            }

            var team = await db.FamilyTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.TeamId, cancellationToken) ?? throw new NotFoundException("Team", command.TeamId);
            var now = clock.GetUtcNow();
            if (!await db.FamilyContracts.AnyAsync(c => c.PatientId == command.PatientId && c.TeamId == team.Id && c.Status == ContractStatus.Active && c.EndsAt > now, cancellationToken))
            {
                throw new DomainRuleException("referral_no_family_contract", "The patient has no contract in force with this family-doctor team.");
            }

            var inputs = command.Medicines ?? [];
            var codes = inputs.Select(m => m.DrugCode).Distinct(StringComparer.Ordinal).ToList();
            var drugs = await db.Drugs.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
            var medicines = inputs.Select(m =>
            {
                var drug = drugs.GetValueOrDefault(m.DrugCode) ?? throw new DomainRuleException("drug_not_in_catalogue", "This medicine is not in the hospital's catalogue.");
                var line = new DrugLine(drug.Code, drug.GenericName, drug.GenericNameEn, drug.Strength, m.DoseAmount, drug.DoseUnit, m.Frequency.Trim(), string.IsNullOrWhiteSpace(m.Route) ? "oral" : m.Route.Trim());
                return new CarePlanMedicine(line, m.Days);
            }).ToList();
            var tasks = (command.Tasks ?? []).Select(t => new CarePlanTask(t.TemplateCode, t.DueOn)).ToList();

            var referral = Referral.Down(
                new NewDownReferral(command.PatientId, me.Doctor.Id, me.FacilityId, team.FacilityId, team.Id, command.Reason, command.CarePlan ?? string.Empty, medicines, tasks),
                me.Doctor.AccountId,
                access.Today(),
                now);
            db.Referrals.Add(referral);
            audit.Record("referral.created", nameof(Referral), referral.Id.ToString(), command.PatientId, $"down from={referral.FromFacilityId} to={referral.ToFacilityId}");
            foreach (var account in await access.ReceiverAccountsAsync(referral, cancellationToken))
            {
                await notifier.NotifyAsync(new Notice(account, ReferralNotifications.Received, new Dictionary<string, string>(StringComparer.Ordinal) { ["referralId"] = referral.Id.ToString() }, $"{ReferralNotifications.DoctorLink}/{referral.Id}"), cancellationToken);
            }

            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
