using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

public sealed record AttachmentView(Guid FileId, string FileName, string ContentType, long Size);

/// <param name="Mine">Written by the signed-in account.</param>
/// <param name="ReadAt">When the other side read it (the read receipt).</param>
public sealed record MessageView(
    Guid Id,
    MessageSide Side,
    string SenderName,
    bool Mine,
    string Body,
    DateTimeOffset SentAt,
    DateTimeOffset? ReadAt,
    IReadOnlyList<AttachmentView> Attachments)
{
    public static MessageView From(FamilyMessage m, Guid me) => new(
        m.Id,
        m.Side,
        m.SenderName,
        m.SenderAccountId == me,
        m.Body,
        m.SentAt,
        m.ReadAt,
        m.Attachments.Select(a => new AttachmentView(a.FileId, a.FileName, a.ContentType, a.Size)).ToList());
}

/// <param name="Open">Whether people can still write: the contract it belongs to is in force.</param>
/// <param name="Unread">Messages from the other side the caller's side has not read.</param>
public sealed record ThreadSummary(
    Guid Id,
    Guid PatientId,
    string PatientName,
    TeamRef Team,
    string Subject,
    DateTimeOffset StartedAt,
    DateTimeOffset LastMessageAt,
    bool Open,
    int Unread,
    MessagePreview? LastMessage);

public sealed record MessagePreview(MessageSide Side, string SenderName, string Excerpt, int Attachments, DateTimeOffset SentAt);

internal static class ThreadSummaries
{
    public const int ExcerptLength = 80;

    /// <summary>Summaries of the threads, newest activity first, seen from <paramref name="side"/>.</summary>
    public static async Task<IReadOnlyList<ThreadSummary>> LoadAsync(IAppDbContext db, IQueryable<MessageThread> threads, MessageSide side, int take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (from t in threads
                          join team in db.FamilyTeams on t.TeamId equals team.Id
                          join p in db.Patients on t.PatientId equals p.Id
                          join c in db.FamilyContracts on t.ContractId equals c.Id
                          orderby t.LastMessageAt descending
                          select new
                          {
                              Thread = t,
                              Team = new TeamRef(team.Id, team.Name, team.NameEn),
                              p.FullName,
                              Open = c.Status == ContractStatus.Active && c.EndsAt > now,
                              Unread = db.FamilyMessages.Count(m => m.ThreadId == t.Id && m.Side != side && m.ReadAt == null),
                          })
            .AsNoTracking()
            .Take(take)
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Thread.Id).ToList();
        var lastMessages = await db.FamilyMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => ids.Contains(m.ThreadId) && m.SentAt == db.FamilyMessages.Where(x => x.ThreadId == m.ThreadId).Max(x => x.SentAt))
            .ToListAsync(cancellationToken);
        var last = lastMessages.GroupBy(m => m.ThreadId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Id).First());

        return rows.Select(r => new ThreadSummary(
                r.Thread.Id,
                r.Thread.PatientId,
                r.FullName,
                r.Team,
                r.Thread.Subject,
                r.Thread.StartedAt,
                r.Thread.LastMessageAt,
                r.Open,
                r.Unread,
                last.TryGetValue(r.Thread.Id, out var m)
                    ? new MessagePreview(m.Side, m.SenderName, m.Body.Length > ExcerptLength ? m.Body[..ExcerptLength] + "…" : m.Body, m.Attachments.Count, m.SentAt)
                    : null))
            .ToList();
    }
}
