using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A conversation with its messages, for the patient or a member of its team. Reading it is audit-logged.</summary>
public sealed record GetFamilyThread(Guid ThreadId) : IQuery<ThreadDetail>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : IQueryHandler<GetFamilyThread, ThreadDetail>
    {
        public async ValueTask<ThreadDetail> Handle(GetFamilyThread query, CancellationToken cancellationToken)
        {
            var you = await access.RequireThreadAsync(query.ThreadId, cancellationToken);
            var thread = you.Thread;
            var messages = await db.FamilyMessages.AsNoTracking().Include(m => m.Attachments)
                .Where(m => m.ThreadId == thread.Id)
                .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken);
            var contract = await db.FamilyContracts.AsNoTracking().SingleAsync(c => c.Id == thread.ContractId, cancellationToken);
            var team = await db.FamilyTeams.AsNoTracking().SingleAsync(t => t.Id == thread.TeamId, cancellationToken);
            var patientName = await db.Patients.Where(p => p.Id == thread.PatientId).Select(p => p.FullName).SingleAsync(cancellationToken);
            audit.Record("family.thread.read", nameof(MessageThread), thread.Id.ToString(), thread.PatientId);
            return new ThreadDetail(
                thread.Id,
                thread.PatientId,
                patientName,
                new TeamRef(team.Id, team.Name, team.NameEn),
                thread.Subject,
                you.Side,
                thread.IsOpenUnder(contract, clock.GetUtcNow()),
                messages.Select(m => MessageView.From(m, you.AccountId)).ToList());
        }
    }
}
