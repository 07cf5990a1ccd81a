using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// Activates the stroke, chest-pain or trauma pathway: the destination's team is alerted (in the notification centre,
/// live, and by e-mail) and acknowledges on the alert. The crew activates from the field (field activation shortens
/// door-to-CT); the department can activate on the board. A pathway already activated keeps its one alert.
/// </summary>
public sealed record ActivateEmergencyPathway(Guid CaseId, EmergencyPathway? Pathway, MessageSide Side, SyncStamp? Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<ActivateEmergencyPathway>
    {
        public Validator() => RuleFor(x => x.Pathway).NotNull().IsInEnum();
    }

    public sealed class Handler(IAppDbContext db, CrewWriter crew, DepartmentWriter department, INotifier notifier, TimeProvider clock)
        : ICommandHandler<ActivateEmergencyPathway, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(ActivateEmergencyPathway command, CancellationToken cancellationToken)
        {
            var pathway = command.Pathway!.Value;
            if (command.Side == MessageSide.Crew)
            {
                return await crew.WriteAsync(command.CaseId, DepartmentWriter.RequireStamp(command.Side, command.Stamp), "activation",
                    async (c, actor, now) => await ActivateAsync(c, pathway, actor, now, cancellationToken), cancellationToken);
            }

            Guid? id = null;
            var @case = await department.WriteAsync(command.CaseId, "activation", async (c, actor, now) => id = await ActivateAsync(c, pathway, actor, now, cancellationToken), cancellationToken);
            return new CrewReceipt(@case.Id, @case.LastSequence, "activation", id, clock.GetUtcNow(), Replayed: false);
        }

        private async Task<Guid?> ActivateAsync(EmergencyCase c, EmergencyPathway pathway, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var before = c.Alerts.Count;
            var alert = c.Activate(pathway, actor, now);
            if (c.Alerts.Count > before)
            {
                var members = await db.PathwayTeamMembers.AsNoTracking()
                    .Where(m => m.FacilityId == alert.FacilityId && m.Pathway == pathway).Select(m => m.AccountId).ToListAsync(cancellationToken);
                foreach (var member in members.Distinct())
                {
                    await notifier.NotifyAsync(new Notice(member, EmergencyNotifications.Alert, new Dictionary<string, string>
                    {
                        ["pathway"] = pathway.ToString(),
                        ["triageLevel"] = c.TriageLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    }, EmergencyNotifications.AlertLink), cancellationToken);
                }
            }

            return alert.Id;
        }
    }
}
