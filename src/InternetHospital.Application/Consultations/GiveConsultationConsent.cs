using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// The patient (or a proxy/guardian with the appointments scope) consents in the app to a remote consultation: the
/// treating doctor's next request uses it (domain rule 28). Who consented is the signed-in person; both the account
/// and the patient are recorded.
/// </summary>
public sealed record GiveConsultationConsent(Guid PatientId) : ICommand<ConsentGrantView>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, ICurrentUser currentUser, IAccountService accounts, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<GiveConsultationConsent, ConsentGrantView>
    {
        public async ValueTask<ConsentGrantView> Handle(GiveConsultationConsent command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var accountId = currentUser.RequireAccountId();
            var name = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
            var grant = ConsultationConsentGrant.Give(command.PatientId, accountId, name.Length > 100 ? name[..100] : name, clock.GetUtcNow());
            db.ConsultationConsentGrants.Add(grant);
            audit.Record("consultation.consent_given", nameof(Patient), command.PatientId.ToString(), command.PatientId, $"grant={grant.Id}");
            return new ConsentGrantView(grant.Id, grant.GivenBy, grant.GivenAt, grant.GivenAt + ConsultationConsentGrant.ValidFor);
        }
    }
}
