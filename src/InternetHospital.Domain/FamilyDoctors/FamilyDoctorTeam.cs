using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.FamilyDoctors;

public enum TeamRole
{
    Lead = 1,
    Member = 2,
}

/// <summary>
/// A family-doctor team (家庭医生团队): a lead family doctor and members, belonging to a community health centre
/// (through its department). Patients sign their yearly contract with the team, not with one doctor, so the
/// team keeps looking after them when one doctor is away.
/// </summary>
public sealed class FamilyDoctorTeam
{
    private readonly List<TeamMember> members = [];
    private readonly List<TeamPackage> packages = [];

    private FamilyDoctorTeam()
    {
        Name = NameEn = Description = DescriptionEn = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid FacilityId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }
    public string Description { get; private set; }
    public string DescriptionEn { get; private set; }

    /// <summary>Whether the team takes new applications (a full panel closes it; existing contracts carry on).</summary>
    public bool AcceptingApplications { get; private set; }

    /// <summary>Counts the admins' saved edits (see <see cref="Revise"/>).</summary>
    public int Version { get; private set; }

    /// <summary>
    /// An admin's edit starts: it was made from the team as it stood at <paramref name="seenVersion"/>. If someone saved
    /// since, it is refused rather than saved over their change (two admins setting up the same team).
    /// </summary>
    public void Revise(int seenVersion)
    {
        if (seenVersion != Version)
        {
            throw new DomainConflictException("team_changed", "Someone else changed this team since you opened it. Reload to see their change, then make yours.");
        }

        Version++;
    }

    public IReadOnlyList<TeamMember> Members => members;

    public Guid LeadDoctorId => members.Single(m => m.Role == TeamRole.Lead).DoctorId;

    /// <summary>The service packages the team offers; none listed means every package (the usual case).</summary>
    public IReadOnlyList<TeamPackage> Packages => packages;

    /// <summary>Whether a patient may sign with this team for the package.</summary>
    public bool Offers(Guid packageId) => packages.Count == 0 || packages.Any(p => p.PackageId == packageId);

    /// <summary>Narrows what the team offers to these packages (a centre without a diabetes nurse, say); empty offers all.</summary>
    public void OfferPackages(IReadOnlyCollection<Guid> packageIds)
    {
        var wanted = packageIds.ToHashSet();
        packages.RemoveAll(p => !wanted.Contains(p.PackageId));
        foreach (var packageId in wanted.Where(id => packages.All(p => p.PackageId != id)))
        {
            packages.Add(new TeamPackage(Id, packageId));
        }
    }

    public static FamilyDoctorTeam Create(Guid facilityId, Guid? departmentId, string name, string nameEn, string description, string descriptionEn, Guid leadDoctorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var team = new FamilyDoctorTeam
        {
            Id = NewId.Next(),
            FacilityId = facilityId,
            DepartmentId = departmentId,
            Name = name.Trim(),
            NameEn = nameEn.Trim(),
            Description = description.Trim(),
            DescriptionEn = descriptionEn.Trim(),
            AcceptingApplications = true,
        };
        team.members.Add(new TeamMember(team.Id, leadDoctorId, TeamRole.Lead));
        return team;
    }

    public void AddMember(Guid doctorId)
    {
        if (members.Any(m => m.DoctorId == doctorId))
        {
            throw new DomainConflictException("already_team_member", "The doctor is already a member of this team.");
        }

        members.Add(new TeamMember(Id, doctorId, TeamRole.Member));
    }

    public bool HasMember(Guid doctorId) => members.Any(m => m.DoctorId == doctorId);

    public void StopAcceptingApplications() => AcceptingApplications = false;

    /// <summary>Opens or closes the team to new applications; contracts already signed carry on either way.</summary>
    public void SetAcceptingApplications(bool accepting) => AcceptingApplications = accepting;

    /// <summary>Moves the team to another centre or department; its contracts and members go with it.</summary>
    public void MoveTo(Guid facilityId, Guid? departmentId)
    {
        FacilityId = facilityId;
        DepartmentId = departmentId;
    }

    public void Rename(string name, string nameEn, string description, string descriptionEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        NameEn = nameEn.Trim();
        Description = description.Trim();
        DescriptionEn = descriptionEn.Trim();
    }

    /// <summary>
    /// Removes a member. The lead cannot be removed: the team answers to its lead (applications, renewals), so a new
    /// lead is chosen first. Because the lead always stays, a team with signed patients never ends up with no doctor.
    /// </summary>
    public void RemoveMember(Guid doctorId)
    {
        var member = members.SingleOrDefault(m => m.DoctorId == doctorId)
            ?? throw new DomainConflictException("not_team_member", "The doctor is not a member of this team.");
        if (member.Role == TeamRole.Lead)
        {
            throw new DomainConflictException("cannot_remove_lead", "The team lead cannot be removed. Choose another lead first.");
        }

        members.Remove(member);
    }

    /// <summary>Makes a member the lead; the previous lead stays in the team as a member.</summary>
    public void ChangeLead(Guid doctorId)
    {
        var next = members.SingleOrDefault(m => m.DoctorId == doctorId)
            ?? throw new DomainConflictException("lead_not_member", "The new lead must be a member of the team.");
        if (next.Role == TeamRole.Lead)
        {
            return;
        }

        members.Single(m => m.Role == TeamRole.Lead).Role = TeamRole.Member;
        next.Role = TeamRole.Lead;
    }

    /// <summary>
    /// Sets who is in the team (all its doctors, the lead included) and who leads it: new doctors join, the lead
    /// changes, and doctors left out are removed — except the lead, which is refused.
    /// </summary>
    public void SetMembers(Guid leadDoctorId, IReadOnlyCollection<Guid> doctorIds)
    {
        var wanted = doctorIds.ToHashSet();
        if (!wanted.Contains(leadDoctorId))
        {
            throw new DomainConflictException("cannot_remove_lead", "The team lead must stay in the team. Choose another lead first.");
        }

        foreach (var doctorId in wanted.Where(id => !HasMember(id)))
        {
            AddMember(doctorId);
        }

        ChangeLead(leadDoctorId);
        foreach (var leaving in members.Where(m => !wanted.Contains(m.DoctorId)).Select(m => m.DoctorId).ToList())
        {
            RemoveMember(leaving);
        }
    }
}

/// <summary>A package a team offers (when the team narrows its offer; see <see cref="FamilyDoctorTeam.Offers"/>).</summary>
public sealed class TeamPackage
{
    private TeamPackage()
    {
    }

    internal TeamPackage(Guid teamId, Guid packageId)
    {
        TeamId = teamId;
        PackageId = packageId;
    }

    public Guid TeamId { get; private set; }

    public Guid PackageId { get; private set; }
}

public sealed class TeamMember
{
    private TeamMember()
    {
    }

    internal TeamMember(Guid teamId, Guid doctorId, TeamRole role)
    {
        TeamId = teamId;
        DoctorId = doctorId;
        Role = role;
    }

    public Guid TeamId { get; private set; }

    /// <summary>The member's <c>Doctor.Id</c> (a doctor must be a family doctor to join).</summary>
    public Guid DoctorId { get; private set; }

    public TeamRole Role { get; internal set; }
}
