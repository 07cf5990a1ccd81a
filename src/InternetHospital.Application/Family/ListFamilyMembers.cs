using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Family;

/// <summary>
/// The people the signed-in account acts for (besides itself), and those it asked to act for who have not answered yet.
/// A grant past its end date or a guardian whose child has turned 18 is not listed.
/// </summary>
public sealed record ListFamilyMembers : IQuery<IReadOnlyList<FamilyMemberView>>
{
    public sealed class Handler(IAppDbContext db, FamilyContext family) : IQueryHandler<ListFamilyMembers, IReadOnlyList<FamilyMemberView>>
    {
        public async ValueTask<IReadOnlyList<FamilyMemberView>> Handle(ListFamilyMembers query, CancellationToken cancellationToken)
        {
            var accountId = family.AccountId;
            var today = family.Today;
            var now = family.Now;
            var bands = family.Bands;
            var granted = await (
                from a in db.PatientAccesses
                join p in db.Patients on a.PatientId equals p.Id
                where a.AccountId == accountId && a.RevokedAt == null && a.Relationship != PatientRelationship.Self
                select new { Access = a, Patient = p })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            var pending = await (
                from i in db.FamilyInvitations
                join p in db.Patients on i.PatientId equals p.Id
                where i.FromAccountId == accountId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now
                select new { Invitation = i, Patient = p })
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            var members = new List<FamilyMemberView>();
            foreach (var row in granted.OrderBy(r => r.Access.GrantedAt))
            {
                var age = row.Patient.AgeOn(today);
                var scopes = row.Access.EffectiveScopes(age, today, bands);
                if (scopes == PatientScope.None)
                {
                    continue;
                }

                var adolescent = row.Access.Relationship == PatientRelationship.Guardian && age >= bands.ConfidentialFrom
                    ? new AdolescentShares(row.Access.SharesMessages, row.Access.SharesResults)
                    : null;
                members.Add(new FamilyMemberView(
                    row.Patient.Id, row.Patient.FullName, FamilyNames.Relation(row.Access.Relation), row.Access.Relationship, "active",
                    PatientScopes.ToNames(scopes), row.Access.EndsOn, age, age < bands.GuardianMustAttendUnder, adolescent, null));
            }

            foreach (var row in pending.Where(r => !granted.Any(g => g.Patient.Id == r.Patient.Id)).OrderBy(r => r.Invitation.CreatedAt))
            {
                var age = row.Patient.AgeOn(today);
                members.Add(new FamilyMemberView(
                    row.Patient.Id, row.Patient.FullName, FamilyNames.Relation(row.Invitation.Relation), null, "pending",
                    PatientScopes.ToNames(row.Invitation.Scopes), row.Invitation.EndsOn, age, age < bands.GuardianMustAttendUnder, null, row.Invitation.Id));
            }

            return members;
        }
    }
}
