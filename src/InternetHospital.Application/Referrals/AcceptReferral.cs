using InternetHospital.Application.Notifications;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// The receiving side takes the referral. Up: a doctor of the department accepts and, with a reserved referral slot,
/// proposes it to the patient at once (who books it in one tap). Down: a member of the team accepts and the care plan's
/// follow-up tasks start the team's follow-up plans with their due dates.
/// </summary>
public sealed record AcceptReferral(Guid ReferralId, Guid? SlotId) : ICommand<ReferralView>
{
    public sealed class Handler(IAppDbContext db, ReferralAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock) : ICommandHandler<AcceptReferral, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(AcceptReferral command, CancellationToken cancellationToken)
        {
            var (referral, me) = await access.RequireForDoctorAsync(command.ReferralId, cancellationToken);
            ReferralAccess.EnsureReceiver(referral, me);
            var now = clock.GetUtcNow();
            var actor = me.Doctor.AccountId;
            if (referral.Direction == ReferralDirection.Up && command.SlotId is { } slotId)
            {
                await ReferralSlots.RequireFreeAsync(db, referral.ToDepartmentId!.Value, slotId, now, cancellationToken);
                referral.Accept(me.Doctor.Id, actor, now);
                referral.ProposeAppointment(slotId, actor, now);
            }
            else
            {
                referral.Accept(me.Doctor.Id, actor, now);
            }

            if (referral.Direction == ReferralDirection.Down)
            {
                await LandTasksAsync(referral, me, now, cancellationToken);
            }

            audit.Record("referral.accepted", nameof(Referral), referral.Id.ToString(), referral.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            await notifier.TellSenderAsync(db, referral, ReferralNotifications.Accepted, cancellationToken);
            await notifier.TellPatientAsync(access, referral, referral.Status == ReferralStatus.AppointmentProposed ? ReferralNotifications.AppointmentProposed : ReferralNotifications.Accepted, cancellationToken);
            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }

        private async Task LandTasksAsync(Referral referral, ReferringDoctor me, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var contract = await db.FamilyContracts.AsNoTracking()
                .Where(c => c.PatientId == referral.PatientId && c.TeamId == referral.ToTeamId && c.Status == ContractStatus.Active && c.EndsAt > now)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("referral_no_family_contract", "The patient has no contract in force with this family-doctor team.");
            var today = access.Today();
            var running = await db.FollowUpPlans.Where(p => p.PatientId == referral.PatientId && p.StoppedAt == null).ToListAsync(cancellationToken);
            foreach (var task in referral.Tasks)
            {
                // Note: a plan of the same kind already running keeps its own next due date; the referral points to it.
                if (running.FirstOrDefault(p => p.TemplateCode == task.TemplateCode) is { } existing)
                {
                    task.LandIn(existing.Id);
                    continue;
                }

                var template = FollowUpTemplates.Find(task.TemplateCode)!;
                var plan = FollowUpPlan.Start(template, referral.PatientId, contract.Id, me.Doctor.Id, task.DueOn < today ? today : task.DueOn, today, now);
                db.FollowUpPlans.Add(plan);
                task.LandIn(plan.Id);
                audit.Record("family.follow_up.started", nameof(FollowUpPlan), plan.Id.ToString(), referral.PatientId, $"{template.Code} referral={referral.Id}");
            }
        }
    }
}
