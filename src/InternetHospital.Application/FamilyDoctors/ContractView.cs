using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A contract as both sides see it, with its history.</summary>
public sealed record ContractView(
    Guid Id,
    Guid PatientId,
    ContractStatus Status,
    TeamRef Team,
    PackageRef Package,
    DateTimeOffset AppliedAt,
    string? ApplicationNote,
    DateTimeOffset? DecidedAt,
    string? DeclineReason,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int Terms,
    bool InForce,
    DateTimeOffset? RenewalOpensAt,
    bool CanRequestRenewal,
    DateTimeOffset? RenewalRequestedAt,
    DateTimeOffset? EndedAt,
    ContractParty? EndedBy,
    string? EndReason,
    IReadOnlyList<ContractEventView> History);

public sealed record TeamRef(Guid Id, string Name, string NameEn);

public sealed record PackageRef(Guid Id, string Code, string Name, string NameEn);

public sealed record ContractEventView(string Type, DateTimeOffset At, ContractParty Party, string? Reason);

internal static class ContractViews
{
    public static async Task<IReadOnlyList<ContractView>> LoadAsync(IAppDbContext db, IQueryable<FamilyContract> contracts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (from c in contracts.Include(c => c.Events)
                          join t in db.FamilyTeams on c.TeamId equals t.Id
                          join p in db.ServicePackages on c.PackageId equals p.Id
                          select new { c, Team = new TeamRef(t.Id, t.Name, t.NameEn), Package = new PackageRef(p.Id, p.Code, p.Name, p.NameEn) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.c.AppliedAt)
            .Select(r => From(r.c, r.Team, r.Package, now))
            .ToList();
    }

    public static ContractView From(FamilyContract c, TeamRef team, PackageRef package, DateTimeOffset now) => new(
        c.Id,
        c.PatientId,
        c.Status,
        team,
        package,
        c.AppliedAt,
        c.ApplicationNote,
        c.DecidedAt,
        c.DeclineReason,
        c.StartsAt,
        c.EndsAt,
        c.Terms,
        c.IsActiveAt(now),
        c.RenewalOpensAt,
        c.IsInRenewalWindow(now) && c.RenewalRequestedAt is null,
        c.RenewalRequestedAt,
        c.EndedAt,
        c.EndedBy,
        c.EndReason,
        c.Events.OrderBy(e => e.Sequence).Select(e => new ContractEventView(e.Type, e.At, e.Party, e.Reason)).ToList());
}
