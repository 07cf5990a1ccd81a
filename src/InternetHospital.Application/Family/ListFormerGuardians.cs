using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// The guardians whose access to my record ended when I turned 18 and who do not act for me again yet: the people a
/// young adult may invite back as proxies (<see cref="InviteFormerGuardian"/>). An access an administrator ended
/// (e.g. a court order) is not offered.
/// </summary>
public sealed record ListFormerGuardians : IQuery<IReadOnlyList<FormerGuardianView>>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family, IAccountService accounts) : IQueryHandler<ListFormerGuardians, IReadOnlyList<FormerGuardianView>>
    {
        public async ValueTask<IReadOnlyList<FormerGuardianView>> Handle(ListFormerGuardians query, CancellationToken cancellationToken)
        {
            var own = await family.OwnPatientIdsAsync(cancellationToken);
            var ended = await db.PatientAccesses.AsNoTracking()
                .Where(a => own.Contains(a.PatientId) && a.Relationship == PatientRelationship.Guardian && a.RevokedAt != null && a.RevocationReason == "age_of_majority")
                .ToListAsync(cancellationToken);
            var actingAgain = await db.PatientAccesses.AsNoTracking()
                .Where(a => own.Contains(a.PatientId) && a.RevokedAt == null && a.Relationship != PatientRelationship.Self)
                .Select(a => new { a.AccountId, a.PatientId })
                .ToListAsync(cancellationToken);

            var views = new List<FormerGuardianView>();
            foreach (var access in ended
                .Where(a => !actingAgain.Any(b => b.AccountId == a.AccountId && b.PatientId == a.PatientId))
                .GroupBy(a => (a.AccountId, a.PatientId))
                .Select(g => g.OrderByDescending(a => a.RevokedAt).First())
                .OrderBy(a => a.GrantedAt))
            {
                var name = (await accounts.FindAsync(access.AccountId, cancellationToken))?.FullName ?? string.Empty;
                views.Add(new FormerGuardianView(access.Id, access.AccountId, name, FamilyNames.Relation(access.Relation), access.RevokedAt!.Value));
            }

            return views;
        }
    }
}

/// <param name="AccessId">The ended guardian access, for <c>POST /api/family/proxies/{accessId}/invite-back</c>.</param>
public sealed record FormerGuardianView(Guid AccessId, Guid AccountId, string AccountName, string Relation, DateTimeOffset EndedAt);
