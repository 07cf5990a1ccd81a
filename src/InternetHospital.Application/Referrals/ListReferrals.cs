using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

public enum ReferralBox
{
    /// <summary>Referrals to the doctor's department (up) or teams (down).</summary>
    Incoming = 1,

    /// <summary>Referrals the doctor's institution sent.</summary>
    Outgoing = 2,
}

/// <summary>The doctor's referral lists: incoming (to decide on) and outgoing (sent by their institution), newest first.</summary>
public sealed record ListReferrals(ReferralBox Box = ReferralBox.Incoming) : IQuery<IReadOnlyList<ReferralView>>
{
    public const int Limit = 100;

    public sealed class Validator : AbstractValidator<ListReferrals>
    {
        public Validator() => RuleFor(x => x.Box).IsInEnum();
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access) : IQueryHandler<ListReferrals, IReadOnlyList<ReferralView>>
    {
        public async ValueTask<IReadOnlyList<ReferralView>> Handle(ListReferrals query, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            var teams = me.TeamIds;
            var departmentId = me.Doctor.DepartmentId;
            var visible = access.VisibleTo(me);
            var filtered = query.Box == ReferralBox.Incoming
                ? visible.Where(r => (r.Direction == ReferralDirection.Up && r.ToDepartmentId == departmentId) || (r.Direction == ReferralDirection.Down && r.ToTeamId != null && teams.Contains(r.ToTeamId.Value)))
                : visible.Where(r => r.FromFacilityId == me.FacilityId);
            var referrals = await filtered.AsNoTracking()
                .Include(r => r.Events).Include(r => r.Attachments).Include(r => r.Medicines).Include(r => r.Tasks)
                .AsSplitQuery()
                .OrderByDescending(r => r.CreatedAt)
                .Take(Limit)
                .ToListAsync(cancellationToken);
            foreach (var referral in referrals)
            {
                access.AuditRead(referral, "referral.listed");
            }

            return await ReferralViews.ToViewsAsync(db, referrals, me, cancellationToken);
        }
    }
}
