using System.Text.Encodings.Web;
using System.Text.Json;
using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

/// <summary>
/// One outbox message with its payload (pretty-printed) and every delivery attempt. The payload is personal
/// health information, so reading it is audit-logged against the patient (domain rule 13).
/// </summary>
public sealed record GetHisOutboxMessage(Guid Id) : IQuery<HisOutboxMessageDetail>
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : IQueryHandler<GetHisOutboxMessage, HisOutboxMessageDetail>
    {
        public async ValueTask<HisOutboxMessageDetail> Handle(GetHisOutboxMessage query, CancellationToken cancellationToken)
        {
            var message = await db.HisOutbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException("HIS message", query.Id);
            var attempts = await db.HisDeliveryAttempts.AsNoTracking()
                .Where(a => a.MessageId == message.Id)
                .OrderBy(a => a.Number)
                .Select(a => new HisDeliveryAttemptView(a.Number, a.StartedAt, a.FinishedAt, a.Instance, a.Error == null, a.Error))
                .ToListAsync(cancellationToken);

            // Messages of the same patient waiting behind this one (delivery is in order per patient).
            var waitingBehind = message.Status is HisOutboxStatus.Pending or HisOutboxStatus.DeadLettered
                ? await db.HisOutbox.CountAsync(m => m.PatientId == message.PatientId && m.Sequence > message.Sequence && m.Status == HisOutboxStatus.Pending, cancellationToken)
                : 0;

            audit.Record("his.outbox.message.read", "HisOutboxMessage", message.Id.ToString(), message.PatientId);

            return new HisOutboxMessageDetail(
                message.Id,
                message.Kind,
                message.PatientId,
                message.Status,
                message.Attempts,
                message.TotalAttempts,
                message.CreatedAt,
                message.NextAttemptAt,
                message.DeliveredAt,
                message.DeadLetteredAt,
                message.DiscardedAt,
                message.DiscardReason,
                message.LastError,
                message.ClaimedBy is not null && message.ClaimedUntil is not null,
                waitingBehind,
                PrettyPrint(message.Payload),
                attempts);
        }

        private static string PrettyPrint(string payload)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                return JsonSerializer.Serialize(document.RootElement, Pretty);
            }
            catch (JsonException)
            {
                return payload;
            }
        }
    }
}

public sealed record HisOutboxMessageDetail(
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
    DateTimeOffset? DiscardedAt,
    string? DiscardReason,
    string? LastError,
    bool InDelivery,
    int WaitingBehind,
    string Payload,
    IReadOnlyList<HisDeliveryAttemptView> DeliveryAttempts);

public sealed record HisDeliveryAttemptView(int Number, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Instance, bool Succeeded, string? Error);
