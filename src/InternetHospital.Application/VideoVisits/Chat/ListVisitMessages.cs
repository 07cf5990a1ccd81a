using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Chat;

/// <summary>The visit's chat, oldest first: during the visit and afterwards, for its participants only.</summary>
public sealed record ListVisitMessages(Guid VisitId) : IQuery<IReadOnlyList<VisitMessageDto>>
{
    public sealed class Handler(IAppDbContext db, VisitAccess access, IAccountService accounts, IAuditLog audit)
        : IQueryHandler<ListVisitMessages, IReadOnlyList<VisitMessageDto>>
    {
        public async ValueTask<IReadOnlyList<VisitMessageDto>> Handle(ListVisitMessages query, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(query.VisitId, cancellationToken);
            VisitAccess.EnsureVisitRecord(visit);
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
                names[sender] = await VisitAccess.NameOfAsync(db, accounts, sender, cancellationToken);
            }

            audit.Record("visit.chat_read", "VideoVisit", visit.Id.ToString(), visit.PatientId);
            return rows
                .OrderBy(r => r.message.SentAt).ThenBy(r => r.message.Id)
                // Note: guests see what was said, not the files shared (those belong to the patient's record).
                .Select(r => VisitMessageDto.From(r.message, names[r.message.SenderAccountId], r.file is null || role == VisitRole.Guest ? null : new VisitFileDto(r.file.Id, r.file.FileName, r.file.ContentType, r.file.Size)))
                .ToList();
        }
    }
}
