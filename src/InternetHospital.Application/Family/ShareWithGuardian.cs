using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// A 14-17-year-old decides whether their guardian reads their messages with doctors and their sensitive results
/// (adolescent confidentiality, domain rule 24). Booking, medicines and payments stay with the guardian regardless.
/// </summary>
public sealed record ShareWithGuardian(Guid AccessId, bool Messages, bool Results) : ICommand<ProxyView>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts, IAuditLog audit) : ICommandHandler<ShareWithGuardian, ProxyView>
    {
        public async ValueTask<ProxyView> Handle(ShareWithGuardian command, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var access = await db.PatientAccesses.SingleOrDefaultAsync(
                a => a.Id == command.AccessId && own.Contains(a.PatientId) && a.RevokedAt == null && a.Relationship == PatientRelationship.Guardian,
                cancellationToken) ?? throw new NotFoundException("Proxy", command.AccessId);
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == access.PatientId, cancellationToken);
            var today = family.Today;
            var age = patient.AgeOn(today);
            if (age < family.Bands.ConfidentialFrom || age >= family.Bands.AdultAt)
            {
                throw new DomainRuleException("share_not_applicable", "Only a young person aged 14 to 17 chooses what their guardian sees.");
            }

            access.Share(command.Messages, command.Results);
            audit.Record("family.adolescent_share_changed", nameof(PatientAccess), access.Id.ToString(), access.PatientId, $"messages={command.Messages};results={command.Results}");
            var name = (await accounts.FindAsync(access.AccountId, cancellationToken))?.FullName ?? string.Empty;
            return ProxyView.From(access, name, age, today, family.Bands);
        }
    }
}
