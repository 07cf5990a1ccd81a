using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.HealthCodes;

/// <summary>
/// Prints a static code for someone without a phone. Issuing again revokes the previous one (a lost card is reissued);
/// a PIN must be set first, since the printed code alone identifies no one (an SMS code instead of the PIN is issue 21).
/// </summary>
public sealed record IssueStaticHealthCode(Guid PatientId) : ICommand<StaticHealthCodeView>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : ICommandHandler<IssueStaticHealthCode, StaticHealthCodeView>
    {
        public async ValueTask<StaticHealthCodeView> Handle(IssueStaticHealthCode command, CancellationToken cancellationToken)
        {
            var acting = await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var holder = await HealthCodeHolders.GetOrCreateAsync(db, command.PatientId, now, cancellationToken);
            if (!holder.HasPin)
            {
                throw new DomainRuleException("health_code_pin_not_set", "Set a PIN before printing a code: the printed code works only with it.");
            }

            foreach (var previous in await db.StaticHealthCodes.Where(s => s.PatientId == command.PatientId && s.RevokedAt == null).ToListAsync(cancellationToken))
            {
                previous.Revoke(now);
            }

            var code = HealthCodeSecrets.NewStaticCode();
            var issued = StaticHealthCode.Issue(command.PatientId, HealthCodeSecrets.HashStaticCode(code), acting.AccountId, now);
            db.StaticHealthCodes.Add(issued);
            audit.Record("health_code.static_issued", nameof(StaticHealthCode), issued.Id.ToString(), command.PatientId);
            var name = await db.Patients.AsNoTracking().Where(p => p.Id == command.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            return new StaticHealthCodeView(code, now, name);
        }
    }
}
