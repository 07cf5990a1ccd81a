using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.HealthCodes;

/// <summary>
/// A fresh dynamic health code for the patient, or for someone the account acts for (a guardian shows the child's code):
/// valid for a minute, signed with the consortium key so any desk verifies it offline.
/// </summary>
public sealed record IssueHealthCode(Guid PatientId) : ICommand<HealthCodeView>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IHealthCodeKeys keys, TimeProvider clock) : ICommandHandler<IssueHealthCode, HealthCodeView>
    {
        public async ValueTask<HealthCodeView> Handle(IssueHealthCode command, CancellationToken cancellationToken)
        {
            // Note: the code is shown at desks to check in and to collect medicines, so it needs the appointments scope: a proxy
            // who only pays (the payments scope) cannot identify the patient at a desk.
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var now = clock.GetUtcNow();
            var holder = await HealthCodeHolders.GetOrCreateAsync(db, command.PatientId, now, cancellationToken);
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
            var claims = new HealthCodeClaims(holder.Handle, await HealthCodeHolders.IssuerAsync(db, cancellationToken), issuedAt, issuedAt + HealthCodeFormat.Lifetime, HealthCodeSecrets.NewNonce(), keys.CurrentKeyId);
            using var signer = keys.CreateSigner();
            return new HealthCodeView(
                HealthCodeFormat.Sign(claims, signer),
                claims.IssuedAt,
                claims.ExpiresAt,
                (int)HealthCodeFormat.Lifetime.TotalSeconds,
                holder.HasPin,
                holder.PinLocked,
                await HealthCodeHolders.StaticIssuedAtAsync(db, command.PatientId, cancellationToken));
        }
    }
}
