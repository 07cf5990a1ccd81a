using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The conversations of the signed-in doctor's teams (optionally with one patient), newest activity first.</summary>
public sealed record ListTeamThreads(Guid? PatientId = null, bool UnreadOnly = false, int Take = 50) : IQuery<IReadOnlyList<ThreadSummary>>
{
    public sealed class Validator : AbstractValidator<ListTeamThreads>
    {
        public Validator() => RuleFor(x => x.Take).InclusiveBetween(1, 100);
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListTeamThreads, IReadOnlyList<ThreadSummary>>
    {
        public async ValueTask<IReadOnlyList<ThreadSummary>> Handle(ListTeamThreads query, CancellationToken cancellationToken)
        {
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var threads = db.MessageThreads.Where(t => teams.Contains(t.TeamId));
            if (query.PatientId is { } patientId)
            {
                threads = threads.Where(t => t.PatientId == patientId);
            }

            if (query.UnreadOnly)
            {
                threads = threads.Where(t => db.FamilyMessages.Any(m => m.ThreadId == t.Id && m.Side == MessageSide.Patient && m.ReadAt == null));
            }

            var result = await ThreadSummaries.LoadAsync(db, threads, MessageSide.Team, query.Take, clock.GetUtcNow(), cancellationToken);
            foreach (var patient in result.Select(t => t.PatientId).Distinct())
            {
                audit.Record("family.threads.read", nameof(MessageThread), null, patient);
            }

            return result;
        }
    }
}
