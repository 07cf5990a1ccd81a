using InternetHospital.Application.His;
using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// An unknown patient identified later (family arrived with the ID card): the case joins the patient's record, the
/// audit log keeps both ids (the case's temporary identity and the patient), and a registered HIS visit is merged too.
/// </summary>
public sealed record MergeEmergencyPatient(Guid CaseId, Guid PatientId) : ICommand<EmergencyCaseView>
{
    public sealed class Validator : AbstractValidator<MergeEmergencyPatient>
    {
        public Validator() => RuleFor(x => x.PatientId).NotEmpty();
    }

    public sealed class Handler(IAppDbContext db, EmergencyAccess access, EmergencyViews views, EmergencyBroadcast broadcast, IHisOutbox his, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<MergeEmergencyPatient, EmergencyCaseView>
    {
        public async ValueTask<EmergencyCaseView> Handle(MergeEmergencyPatient command, CancellationToken cancellationToken)
        {
            var @case = await access.DepartmentCaseAsync(command.CaseId, cancellationToken);
            if (!await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken))
            {
                throw new DomainRuleException("emergency_patient_not_found", "No record of the consortium matches.");
            }

            var now = clock.GetUtcNow();
            @case.MergeInto(command.PatientId, now);
            if (@case.AcceptedAt is { } acceptedAt)
            {
                var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == @case.DestinationFacilityId, cancellationToken);
                his.Enqueue(@case.Id, new EmergencyPatientIdentifiedMessage(@case.Id, command.PatientId, facility.Code, @case.TriageLevel, @case.Pathway.ToString(), acceptedAt, now), @case.DestinationFacilityId);
            }

            audit.Record("emergency.patient_merged", nameof(EmergencyCase), @case.Id.ToString(), command.PatientId, $"unknown patient of case {@case.Id} merged into patient {command.PatientId}");
            await broadcast.ChangedAsync(@case, "patient", cancellationToken);
            return await views.FullAsync(@case, cancellationToken);
        }
    }
}
