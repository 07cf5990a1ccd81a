using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

/// <summary>The admin's view of the HIS outbox: messages by status (the dead-letter list is Status = DeadLettered), kind, patient and date.</summary>
public sealed record ListHisOutboxMessages(
    HisOutboxStatus? Status = null,
    string? Kind = null,
    Guid? PatientId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = 25) : IQuery<HisOutboxPage>
{
    public sealed class Validator : AbstractValidator<ListHisOutboxMessages>
    {
        public Validator()
        {
            RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
            RuleFor(x => x.Kind).Must(k => HisMessageSerializer.AllKinds.Contains(k!)).When(x => x.Kind is not null)
                .WithLocalizedMessage("unknown_message_kind");
            RuleFor(x => x.Page).InclusiveBetween(1, 10_000);
            RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        }
    }

    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListHisOutboxMessages, HisOutboxPage>
    {
        public async ValueTask<HisOutboxPage> Handle(ListHisOutboxMessages query, CancellationToken cancellationToken)
        {
            var messages = db.HisOutbox.AsNoTracking();
            if (query.Kind is not null)
            {
                messages = messages.Where(m => m.Kind == query.Kind);
            }

            if (query.PatientId is { } patientId)
            {
                messages = messages.Where(m => m.PatientId == patientId);
            }

            if (query.From is { } from)
            {
                messages = messages.Where(m => m.CreatedAt >= from);
            }

            if (query.To is { } to)
            {
                messages = messages.Where(m => m.CreatedAt <= to);
            }

            // Counts per status under the other filters, for the tabs.
            var counts = await messages.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            if (query.Status is { } status)
            {
                messages = messages.Where(m => m.Status == status);
            }

            var total = await messages.CountAsync(cancellationToken);
            var items = await messages
                .OrderByDescending(m => m.Sequence)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .Select(m => new HisOutboxItem(m.Id, m.Kind, m.PatientId, m.Status, m.Attempts, m.TotalAttempts, m.CreatedAt, m.NextAttemptAt, m.DeliveredAt, m.DeadLetteredAt, m.LastError))
                .ToListAsync(cancellationToken);
            return new HisOutboxPage(
                items.Select(i => i with { LastError = i.LastError is { Length: > 300 } e ? e[..300] + "…" : i.LastError }).ToList(),
                total,
                query.Page,
                query.PageSize,
                Enum.GetValues<HisOutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0));
        }
    }
}

public sealed record HisOutboxPage(IReadOnlyList<HisOutboxItem> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<HisOutboxStatus, int> Counts);

public sealed record HisOutboxItem(
    Guid Id,
    string Kind,
    Guid PatientId,
    HisOutboxStatus Status,
    int Attempts,
    int TotalAttempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? DeadLetteredAt,
    string? LastError);
