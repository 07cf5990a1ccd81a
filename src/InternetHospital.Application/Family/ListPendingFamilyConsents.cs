using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// (Staff) the requests to act for a person that wait for that person's consent: the desk finds the one a signed paper
/// form belongs to, scans the form, and approves or rejects it. Expired requests are not listed.
/// </summary>
public sealed record ListPendingFamilyConsents : IQuery<IReadOnlyList<PendingConsentView>>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts) : IQueryHandler<ListPendingFamilyConsents, IReadOnlyList<PendingConsentView>>
    {
        public async ValueTask<IReadOnlyList<PendingConsentView>> Handle(ListPendingFamilyConsents query, CancellationToken cancellationToken)
        {
            var now = family.Now;
            var rows = await (
                from i in db.FamilyInvitations
                join p in db.Patients on i.PatientId equals p.Id
                where i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                orderby i.CreatedAt
                select new { Invitation = i, p.FullName, p.IdNumberMasked })
                .AsNoTracking()
                .Take(200)
                .ToListAsync(cancellationToken);
            var scanIds = rows.Where(r => r.Invitation.ConsentFileId != null).Select(r => r.Invitation.ConsentFileId!.Value).ToList();
            var scans = await db.Files.AsNoTracking()
                .Where(f => scanIds.Contains(f.Id))
                .Select(f => new { f.Id, f.FileName, f.ContentType })
                .ToDictionaryAsync(f => f.Id, cancellationToken);

            var views = new List<PendingConsentView>(rows.Count);
            foreach (var row in rows)
            {
                var i = row.Invitation;
                var from = (await accounts.FindAsync(i.FromAccountId, cancellationToken))?.FullName ?? string.Empty;
                var scan = i.ConsentFileId is { } fileId && scans.TryGetValue(fileId, out var file) ? new ConsentScanView(file.Id, file.FileName, file.ContentType) : null;
                views.Add(new PendingConsentView(
                    i.Id, i.PatientId, row.FullName, row.IdNumberMasked, from, FamilyNames.Relation(i.Relation), PatientScopes.ToNames(i.Scopes), i.EndsOn, i.CreatedAt, i.ExpiresAt, scan));
            }

            return views;
        }
    }
}

/// <param name="Relation">What the asking account is to the person ("child": the person is their child).</param>
/// <param name="Scan">The scanned form staff attached, or null while there is none.</param>
public sealed record PendingConsentView(
    Guid InvitationId,
    Guid PatientId,
    string PatientName,
    string MaskedIdNumber,
    string FromAccountName,
    string Relation,
    IReadOnlyList<string> Scopes,
    DateOnly? AccessEndsOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    ConsentScanView? Scan);

public sealed record ConsentScanView(Guid FileId, string FileName, string ContentType);
