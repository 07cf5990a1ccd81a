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

    public IReadOnlyList<TeamMember> Members => members;

    public Guid LeadDoctorId => members.Single(m => m.Role == TeamRole.Lead).DoctorId;

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

    public TeamRole Role { get; private set; }
}
