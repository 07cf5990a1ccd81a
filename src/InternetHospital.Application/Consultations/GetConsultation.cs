namespace InternetHospital.Application.Consultations;

/// <summary>One consultation for the requesting doctor or the specialist side, with its record summary and timeline (audited: it crosses institutions).</summary>
public sealed record GetConsultation(Guid ConsultationId) : IQuery<ConsultationView>
{
    public sealed class Handler(IAppDbContext db, ConsultationAccess access) : IQueryHandler<GetConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(GetConsultation query, CancellationToken cancellationToken)
        {
            var (consultation, me) = await access.RequireForDoctorAsync(query.ConsultationId, cancellationToken);
            access.Audit(consultation, "consultation.read");
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }
    }
}
