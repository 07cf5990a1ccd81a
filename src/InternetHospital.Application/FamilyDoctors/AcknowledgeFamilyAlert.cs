using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the team acknowledges an alert, noting what was done (called the patient, sent to the emergency department...).</summary>
public sealed record AcknowledgeFamilyAlert(Guid AlertId, string? Note) : ICommand
{
    public sealed class Validator : AbstractValidator<AcknowledgeFamilyAlert>
    {
        public Validator() => RuleFor(x => x.Note).MaximumLength(500);
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<AcknowledgeFamilyAlert>
    {
        public async ValueTask<Unit> Handle(AcknowledgeFamilyAlert command, CancellationToken cancellationToken)
        {
            var doctor = await access.CurrentDoctorAsync(cancellationToken);
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var alert = await db.MeasurementAlerts.SingleOrDefaultAsync(a => a.Id == command.AlertId, cancellationToken);
            if (alert is null || !teams.Contains(alert.TeamId))
            {
                throw new NotFoundException("Alert", command.AlertId);
            }

            alert.Acknowledge(doctor.Id, command.Note, clock.GetUtcNow());
            audit.Record("family.alert.acknowledged", nameof(MeasurementAlert), alert.Id.ToString(), alert.PatientId);
            return Unit.Value;
        }
    }
}
