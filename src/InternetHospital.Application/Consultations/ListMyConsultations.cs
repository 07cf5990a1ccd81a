using InternetHospital.Domain.Consultations;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// "My consultations": the patient's remote consultations (newest first, with the signed opinion), and the consent
/// given in the app that a doctor has not used yet. For the patient or anyone acting for them in appointments.
/// </summary>
public sealed record ListMyConsultations(Guid PatientId) : IQuery<MyConsultations>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListMyConsultations, MyConsultations>
    {
        public async ValueTask<MyConsultations> Handle(ListMyConsultations query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var consultations = await ConsultationAccess.WithEverything(db.Consultations.AsNoTracking().Where(c => c.PatientId == query.PatientId))
                .OrderByDescending(c => c.CreatedAt)
                .Take(ListConsultations.Limit)
                .ToListAsync(cancellationToken);
            var since = clock.GetUtcNow() - ConsultationConsentGrant.ValidFor;
            var grant = await db.ConsultationConsentGrants.AsNoTracking()
                .Where(g => g.PatientId == query.PatientId && g.UsedByConsultationId == null && g.GivenAt > since)
                .OrderByDescending(g => g.GivenAt)
                .FirstOrDefaultAsync(cancellationToken);
            var pending = grant is null ? null : new ConsentGrantView(grant.Id, grant.GivenBy, grant.GivenAt, grant.GivenAt + ConsultationConsentGrant.ValidFor);
            audit.Record("consultation.listed_by_patient", nameof(Patient), query.PatientId.ToString(), query.PatientId, $"count={consultations.Count}");
            return new MyConsultations(await ConsultationViews.ToViewsAsync(db, consultations, viewer: null, cancellationToken), pending);
        }
    }
}

public sealed record MyConsultations(IReadOnlyList<ConsultationView> Consultations, ConsentGrantView? PendingConsent);

/// <summary>Consent given in the app, waiting for a doctor's request (it is used once, until <paramref name="ValidUntil"/>).</summary>
public sealed record ConsentGrantView(Guid Id, string GivenBy, DateTimeOffset GivenAt, DateTimeOffset ValidUntil);
