using InternetHospital.Application.His;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The emergency department accepts an incoming case and registers the patient with the HIS through the outbox (in
/// the same transaction), so the wristband and first orders are ready at the door. Accepting again changes nothing.
/// </summary>
public sealed record AcceptEmergencyCase(Guid CaseId) : ICommand<EmergencyCaseView>
{
    public sealed class Handler(IAppDbContext db, DepartmentWriter department, EmergencyViews views, IHisOutbox his) : ICommandHandler<AcceptEmergencyCase, EmergencyCaseView>
    {
        public async ValueTask<EmergencyCaseView> Handle(AcceptEmergencyCase command, CancellationToken cancellationToken)
        {
            var @case = await department.WriteAsync(command.CaseId, "accepted", async (c, staff, now) =>
            {
                if (!c.Accept(staff, now))
                {
                    return;
                }

                var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == c.DestinationFacilityId, cancellationToken);
                his.Enqueue(c.Id, new EmergencyRegisteredMessage(
                    c.Id,
                    c.PatientId,
                    facility.Code,
                    c.TriageLevel,
                    c.Pathway.ToString(),
                    c.ChiefComplaint,
                    c.EtaAt,
                    c.PatientId is null ? c.UnknownSex?.ToString() : null,
                    c.PatientId is null ? c.EstimatedAge : null,
                    now),
                    c.DestinationFacilityId);
            }, cancellationToken);
            return await views.FullAsync(@case, cancellationToken);
        }
    }
}
