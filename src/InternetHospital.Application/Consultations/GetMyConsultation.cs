using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Consultations;

/// <summary>One of the patient's consultations with the signed opinion (no record summary: that is the doctors' working copy).</summary>
public sealed record GetMyConsultation(Guid PatientId, Guid ConsultationId) : IQuery<ConsultationView>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit) : IQueryHandler<GetMyConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(GetMyConsultation query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Appointments, cancellationToken);
            var consultation = await ConsultationAccess.WithEverything(db.Consultations.AsNoTracking())
                .SingleOrDefaultAsync(c => c.Id == query.ConsultationId && c.PatientId == query.PatientId, cancellationToken)
                ?? throw new NotFoundException("Consultation", query.ConsultationId);
            audit.Record("consultation.read_by_patient", "Consultation", consultation.Id.ToString(), consultation.PatientId);
            return await ConsultationViews.ToViewAsync(db, consultation, viewer: null, cancellationToken);
        }
    }
}
