namespace InternetHospital.Application.Consultations;

/// <summary>Incoming: asked of you (by name or through your department). Outgoing: the ones you asked for. Newest first.</summary>
public sealed record ListConsultations(ConsultationBox Box) : IQuery<IReadOnlyList<ConsultationView>>
{
    public const int Limit = 100;

    public sealed class Handler(IAppDbContext db, ConsultationAccess access) : IQueryHandler<ListConsultations, IReadOnlyList<ConsultationView>>
    {
        public async ValueTask<IReadOnlyList<ConsultationView>> Handle(ListConsultations query, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            var doctorId = me.Doctor.Id;
            var departmentId = me.Doctor.DepartmentId;
            var visible = query.Box == ConsultationBox.Outgoing
                ? db.Consultations.Where(c => c.RequestingDoctorId == doctorId)
                : db.Consultations.Where(c => c.Specialists.Any(s => s.DoctorId == doctorId) || c.ToDepartmentId == departmentId);
            var consultations = await ConsultationAccess.WithEverything(visible.AsNoTracking()).OrderByDescending(c => c.CreatedAt).Take(Limit).ToListAsync(cancellationToken);
            foreach (var consultation in consultations)
            {
                access.Audit(consultation, "consultation.listed");
            }

            return await ConsultationViews.ToViewsAsync(db, consultations, me, cancellationToken);
        }
    }
}

public enum ConsultationBox
{
    Incoming = 1,
    Outgoing = 2,
}
