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
            // Note: any live access will do (PatientScope.None): identifying the person at a desk is what every proxy is for.
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.None, cancellationToken);
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
