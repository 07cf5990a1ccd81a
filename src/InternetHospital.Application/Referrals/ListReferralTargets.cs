using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Referrals;

/// <summary>Where the signed-in doctor can refer to: hospital departments taking referrals and the family-doctor teams.</summary>
public sealed record ListReferralTargets : IQuery<ReferralTargets>
{
    public sealed class Handler(IAppDbContext db, ReferralAccess access) : IQueryHandler<ListReferralTargets, ReferralTargets>
    {
        public async ValueTask<ReferralTargets> Handle(ListReferralTargets query, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            var departments = await (from s in db.DepartmentReferralSettings
                                     join d in db.Departments on s.DepartmentId equals d.Id
                                     join f in db.Facilities on d.FacilityId equals f.Id
                                     where s.AcceptsReferrals && f.Kind == FacilityKind.Hospital && f.Id != me.FacilityId
                                     orderby d.Code
                                     select new ReferralTarget(d.Id, d.Name, d.NameEn, f.Name, f.NameEn)).ToListAsync(cancellationToken);
            var teams = await (from t in db.FamilyTeams
                               join f in db.Facilities on t.FacilityId equals f.Id
                               where f.Id != me.FacilityId
                               orderby t.Name
                               select new ReferralTarget(t.Id, t.Name, t.NameEn, f.Name, f.NameEn)).ToListAsync(cancellationToken);
            return new ReferralTargets(me.FacilityKind, departments, teams);
        }
    }
}

/// <param name="MyFacilityKind">A community centre refers up; the hospital refers down.</param>
public sealed record ReferralTargets(FacilityKind MyFacilityKind, IReadOnlyList<ReferralTarget> Departments, IReadOnlyList<ReferralTarget> Teams);

public sealed record ReferralTarget(Guid Id, string Name, string NameEn, string FacilityName, string FacilityNameEn);
