using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.HealthCodes;

/// <summary>Revokes the printed code (lost, or no longer wanted): a desk scanning it is told it was revoked.</summary>
public sealed record RevokeStaticHealthCode(Guid PatientId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : ICommandHandler<RevokeStaticHealthCode>
    {
        public async ValueTask<Unit> Handle(RevokeStaticHealthCode command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var live = await db.StaticHealthCodes.Where(s => s.PatientId == command.PatientId && s.RevokedAt == null).ToListAsync(cancellationToken);
            if (live.Count == 0)
            {
                throw new DomainConflictException("health_code_no_static_code", "There is no printed code to revoke.");
            }

            foreach (var code in live)
            {
                code.Revoke(now);
                audit.Record("health_code.static_revoked", "StaticHealthCode", code.Id.ToString(), command.PatientId);
            }

            return Unit.Value;
        }
    }
}
