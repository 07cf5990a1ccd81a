using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>Who acts for me (for the records the signed-in account holds as its own): guardians and proxies, with what they may do.</summary>
public sealed record ListMyProxies : IQuery<IReadOnlyList<ProxyView>>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts) : IQueryHandler<ListMyProxies, IReadOnlyList<ProxyView>>
    {
        public async ValueTask<IReadOnlyList<ProxyView>> Handle(ListMyProxies query, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var today = family.Today;
            var rows = await (
                from a in db.PatientAccesses
                join p in db.Patients on a.PatientId equals p.Id
                where own.Contains(a.PatientId) && a.RevokedAt == null && a.Relationship != PatientRelationship.Self
                orderby a.GrantedAt
                select new { Access = a, p.DateOfBirth })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            var views = new List<ProxyView>();
            foreach (var row in rows)
            {
                var age = Patient.AgeOf(row.DateOfBirth, today);
                if (row.Access.EffectiveScopes(age, today, family.Bands) == PatientScope.None && !(row.Access.Relationship == PatientRelationship.Guardian && age < family.Bands.AdultAt))
                {
                    continue;
                }

                var name = (await accounts.FindAsync(row.Access.AccountId, cancellationToken))?.FullName ?? string.Empty;
                views.Add(ProxyView.From(row.Access, name, age, today, family.Bands));
            }

            return views;
        }
    }
}

/// <param name="Revocable">Whether the person may end it: an adult always; a minor cannot end a guardian's access.</param>
/// <param name="AdolescentShares">For a guardian of a 14-17-year-old: what they share (messages, results); otherwise null.</param>
public sealed record ProxyView(
    Guid AccessId,
    Guid AccountId,
    string AccountName,
    string Relation,
    PatientRelationship Relationship,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Since,
    DateOnly? AccessEndsOn,
    bool Revocable,
    AdolescentShares? AdolescentShares)
{
    public static ProxyView From(PatientAccess access, string accountName, int patientAge, DateOnly today, FamilyAgeBands bands)
    {
        var guardianOfMinor = access.Relationship == PatientRelationship.Guardian && patientAge < bands.AdultAt;
        return new ProxyView(
            access.Id,
            access.AccountId,
            accountName,
            Common.Security.FamilyNames.Relation(access.Relation),
            access.Relationship,
            PatientScopes.ToNames(access.EffectiveScopes(patientAge, today, bands)),
            access.GrantedAt,
            access.EndsOn,
            !guardianOfMinor,
            guardianOfMinor && patientAge >= bands.ConfidentialFrom ? new AdolescentShares(access.SharesMessages, access.SharesResults) : null);
    }
}
