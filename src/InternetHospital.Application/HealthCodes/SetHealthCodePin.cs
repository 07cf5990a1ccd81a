using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.HealthCodes;

/// <summary>Sets (or resets, which also unlocks) the 6-digit PIN that the printed code needs.</summary>
public sealed record SetHealthCodePin(Guid PatientId, string? Pin) : ICommand
{
    public sealed class Validator : AbstractValidator<SetHealthCodePin>
    {
        public Validator() => RuleFor(x => x.Pin).Must(HealthCodeSecrets.IsPin).WithLocalizedMessage("health_code_pin_format");
    }

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : ICommandHandler<SetHealthCodePin>
    {
        public async ValueTask<Unit> Handle(SetHealthCodePin command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var holder = await HealthCodeHolders.GetOrCreateAsync(db, command.PatientId, clock.GetUtcNow(), cancellationToken);
            holder.SetPin(HealthCodeSecrets.HashPin(command.Pin!));
            audit.Record("health_code.pin_set", "HealthCode", holder.Id.ToString(), command.PatientId);
            return Unit.Value;
        }
    }
}
