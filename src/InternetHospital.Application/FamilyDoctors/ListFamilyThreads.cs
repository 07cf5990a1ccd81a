using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A patient's conversations with their family-doctor teams (past ones included), newest activity first.</summary>
public sealed record ListFamilyThreads(Guid PatientId, int Take = 50) : IQuery<IReadOnlyList<ThreadSummary>>
{
    public sealed class Validator : AbstractValidator<ListFamilyThreads>
    {
        public Validator() => RuleFor(x => x.Take).InclusiveBetween(1, 100);
    }

    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit, TimeProvider clock) : IQueryHandler<ListFamilyThreads, IReadOnlyList<ThreadSummary>>
    {
        public async ValueTask<IReadOnlyList<ThreadSummary>> Handle(ListFamilyThreads query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Messages, cancellationToken);
            var threads = await ThreadSummaries.LoadAsync(db, db.MessageThreads.Where(t => t.PatientId == query.PatientId), MessageSide.Patient, query.Take, clock.GetUtcNow(), cancellationToken);
            audit.Record("family.threads.read", nameof(MessageThread), null, query.PatientId);
            return threads;
        }
    }
}
