using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Referrals;

/// <summary>Admin: the hospital's departments, whether each takes referrals and how many future referral slots it holds back.</summary>
public sealed record ListReferralDepartments : IQuery<IReadOnlyList<ReferralDepartmentView>>
{
    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListReferralDepartments, IReadOnlyList<ReferralDepartmentView>>
    {
        public async ValueTask<IReadOnlyList<ReferralDepartmentView>> Handle(ListReferralDepartments query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            return await (from d in db.Departments
                          join f in db.Facilities on d.FacilityId equals f.Id
                          where f.Kind == FacilityKind.Hospital
                          orderby d.Code
                          select new ReferralDepartmentView(
                              d.Id,
                              d.Code,
                              d.Name,
                              d.NameEn,
                              db.DepartmentReferralSettings.Any(s => s.DepartmentId == d.Id && s.AcceptsReferrals),
                              db.DepartmentReferralSettings.Where(s => s.DepartmentId == d.Id).Select(s => (int?)s.ReleaseHoursBefore).FirstOrDefault() ?? ReferralDepartmentView.DefaultReleaseHours,
                              db.Slots.Count(s => s.DepartmentId == d.Id && s.Start > now && s.ReferralHoldUntil != null)))
                .ToListAsync(cancellationToken);
        }
    }
}

public sealed record ReferralDepartmentView(Guid Id, string Code, string Name, string NameEn, bool AcceptsReferrals, int ReleaseHoursBefore, int ReservedSlots)
{
    /// <summary>Reserved slots go back to public booking two days before they start unless the hospital says otherwise.</summary>
    public const int DefaultReleaseHours = 48;
}
