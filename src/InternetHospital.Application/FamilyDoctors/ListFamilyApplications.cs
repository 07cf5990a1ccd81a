using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>What waits for the signed-in doctor's teams to decide: new applications and renewal requests, oldest first.</summary>
public sealed record ListFamilyApplications : IQuery<IReadOnlyList<ApplicationView>>
{
    public sealed class Handler(IAppDbContext db, IFamilyAccess access, TimeProvider clock) : IQueryHandler<ListFamilyApplications, IReadOnlyList<ApplicationView>>
    {
        public async ValueTask<IReadOnlyList<ApplicationView>> Handle(ListFamilyApplications query, CancellationToken cancellationToken)
        {
            var teams = await access.CurrentDoctorTeamIdsAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = access.Today();
            var rows = await (from c in db.FamilyContracts
                              join p in db.Patients on c.PatientId equals p.Id
                              join t in db.FamilyTeams on c.TeamId equals t.Id
                              join pk in db.ServicePackages on c.PackageId equals pk.Id
                              where teams.Contains(c.TeamId)
                                    && (c.Status == ContractStatus.Pending || (c.Status == ContractStatus.Active && c.RenewalRequestedAt != null && c.EndsAt > now))
                              orderby c.AppliedAt
                              select new
                              {
                                  c.Id,
                                  c.Status,
                                  c.PatientId,
                                  p.FullName,
                                  p.Sex,
                                  p.DateOfBirth,
                                  p.IdNumberMasked,
                                  Team = new TeamRef(t.Id, t.Name, t.NameEn),
                                  Package = new PackageRef(pk.Id, pk.Code, pk.Name, pk.NameEn),
                                  c.AppliedAt,
                                  c.ApplicationNote,
                                  c.RenewalRequestedAt,
                                  c.EndsAt,
                              })
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            return rows
                .Select(r => new ApplicationView(
                    r.Id,
                    r.Status == ContractStatus.Pending ? ApplicationKind.NewContract : ApplicationKind.Renewal,
                    r.PatientId,
                    r.FullName,
                    r.Sex,
                    AgeOn(r.DateOfBirth, today),
                    r.IdNumberMasked,
                    r.Team,
                    r.Package,
                    r.RenewalRequestedAt ?? r.AppliedAt,
                    r.Status == ContractStatus.Pending ? r.ApplicationNote : null,
                    r.Status == ContractStatus.Active ? r.EndsAt : null))
                .OrderBy(r => r.RequestedAt)
                .ToList();
        }

        private static int AgeOn(DateOnly dateOfBirth, DateOnly today)
        {
            var age = today.Year - dateOfBirth.Year;
            return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
        }
    }
}

public enum ApplicationKind
{
    NewContract = 1,
    Renewal = 2,
}

public sealed record ApplicationView(
    Guid ContractId,
    ApplicationKind Kind,
    Guid PatientId,
    string PatientName,
    Sex Sex,
    int Age,
    string MaskedIdNumber,
    TeamRef Team,
    PackageRef Package,
    DateTimeOffset RequestedAt,
    string? Note,
    DateTimeOffset? EndsAt);
