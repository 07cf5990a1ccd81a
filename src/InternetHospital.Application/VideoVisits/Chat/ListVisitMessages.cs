namespace InternetHospital.Application.VideoVisits.Chat;

/// <summary>The visit's chat, oldest first: during the visit and afterwards, for its participants only.</summary>
public sealed record ListVisitMessages(Guid VisitId) : IQuery<IReadOnlyList<VisitMessageDto>>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IAccountService accounts, IAuditLog audit)
        : IQueryHandler<ListVisitMessages, IReadOnlyList<VisitMessageDto>>
    {
        public async ValueTask<IReadOnlyList<VisitMessageDto>> Handle(ListVisitMessages query, CancellationToken cancellationToken)
        {
            var (visit, _) = await access.LoadAsync(query.VisitId, cancellationToken);
            var rows = await (
                from message in db.VisitMessages.AsNoTracking()
                where message.VisitId == visit.Id
                join file in db.Files.AsNoTracking() on message.FileId equals file.Id into shared
                from file in shared.DefaultIfEmpty()
                select new { message, file })
                .ToListAsync(cancellationToken);

            var names = new Dictionary<Guid, string>();
            foreach (var sender in rows.Select(r => r.message.SenderAccountId).Distinct())
            {
                names[sender] = (await accounts.FindAsync(sender, cancellationToken))?.FullName ?? string.Empty;
            }

            audit.Record("visit.chat_read", "VideoVisit", visit.Id.ToString(), visit.PatientId);
            return rows
                .OrderBy(r => r.message.SentAt).ThenBy(r => r.message.Id)
                .Select(r => VisitMessageDto.From(r.message, names[r.message.SenderAccountId], r.file is null ? null : new VisitFileDto(r.file.Id, r.file.FileName, r.file.ContentType, r.file.Size)))
                .ToList();
        }
    }
}
