using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.UnitTests.FamilyDoctors;

public sealed class FamilyDoctorTeamTests
{
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static FamilyDoctorTeam Team()
    {
        var team = FamilyDoctorTeam.Create(Guid.NewGuid(), null, " 东湖团队 ", "Donghu team", "", "", Lead);
        team.AddMember(Member);
        return team;
    }

    [Fact]
    public void The_lead_cannot_be_removed()
    {
        var team = Team();

        var refused = Assert.Throws<DomainConflictException>(() => team.RemoveMember(Lead));

        Assert.Equal("cannot_remove_lead", refused.Code);
        Assert.True(team.HasMember(Lead));
    }

    [Fact]
    public void Setting_members_without_the_lead_is_refused_and_changes_nothing()
    {
        var team = Team();

        var refused = Assert.Throws<DomainConflictException>(() => team.SetMembers(Lead, [Member]));

        Assert.Equal("cannot_remove_lead", refused.Code);
        Assert.Equal(2, team.Members.Count);
    }

    [Fact]
    public void A_team_can_never_be_left_without_doctors()
    {
        var team = Team();

        Assert.Throws<DomainConflictException>(() => team.SetMembers(Lead, []));

        Assert.NotEmpty(team.Members);
    }

    [Fact]
    public void Setting_members_adds_new_doctors_changes_the_lead_and_removes_those_left_out()
    {
        var team = Team();
        var newcomer = Guid.NewGuid();

        team.SetMembers(Member, [Member, newcomer]);

        Assert.Equal(Member, team.LeadDoctorId);
        Assert.True(team.HasMember(newcomer));
        Assert.False(team.HasMember(Lead));
        Assert.Single(team.Members, m => m.Role == TeamRole.Lead);
    }

    [Fact]
    public void A_new_lead_keeps_the_old_lead_as_a_member()
    {
        var team = Team();

        team.ChangeLead(Member);

        Assert.Equal(Member, team.LeadDoctorId);
        Assert.Equal(TeamRole.Member, team.Members.Single(m => m.DoctorId == Lead).Role);
    }

    [Fact]
    public void Only_a_member_can_become_lead()
    {
        var team = Team();

        Assert.Equal("lead_not_member", Assert.Throws<DomainConflictException>(() => team.ChangeLead(Guid.NewGuid())).Code);
    }

    [Fact]
    public void A_team_can_stop_and_resume_taking_applications()
    {
        var team = Team();

        team.SetAcceptingApplications(false);
        Assert.False(team.AcceptingApplications);
        team.SetAcceptingApplications(true);
        Assert.True(team.AcceptingApplications);
    }

    [Fact]
    public void A_package_update_keeps_its_code_and_drops_blank_include_lines()
    {
        var package = ServicePackage.Create("basic", "基础包", "Basic", "", "", ["建档"], ["Health record"], 0, null, null, 1);

        package.Update("高血压包", "Hypertension", "说明", "About", ["随访", " "], ["Follow-up", ""], 120m, "hypertension", null, 2);

        Assert.Equal("basic", package.Code);
        Assert.Equal("随访", package.Includes);
        Assert.Equal("Follow-up", package.IncludesEn);
        Assert.Equal(120m, package.AnnualFee);
        Assert.Throws<ArgumentException>(() => package.Update("x", "x", "", "", [], [], 0, "not-a-condition", null, 0));
    }
}
