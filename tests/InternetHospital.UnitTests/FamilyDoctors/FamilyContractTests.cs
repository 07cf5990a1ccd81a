using InternetHospital.Domain.Common;
using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.UnitTests.FamilyDoctors;

public sealed class FamilyContractTests
{
    private static readonly DateTimeOffset Applied = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Accepted = Applied.AddDays(2);
    private static readonly Guid Doctor = Guid.NewGuid();
    private static readonly Guid Actor = Guid.NewGuid();

    private static FamilyContract Pending() => FamilyContract.Apply(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Actor, "  please  ", Applied);

    private static FamilyContract Active()
    {
        var contract = Pending();
        contract.Accept(Doctor, Actor, Accepted);
        return contract;
    }

    [Fact]
    public void A_contract_runs_one_year_from_the_day_the_team_accepts_it()
    {
        var contract = Active();

        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.Equal(Accepted, contract.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 3, 2, 0, 0, TimeSpan.Zero), contract.EndsAt);
        Assert.True(contract.IsActiveAt(contract.EndsAt!.Value.AddTicks(-1)));
        Assert.False(contract.IsActiveAt(contract.EndsAt!.Value));
        Assert.Equal("please", contract.ApplicationNote);
    }

    [Fact]
    public void Only_a_pending_application_can_be_accepted_declined_or_withdrawn()
    {
        var contract = Active();

        Assert.Equal("contract_not_pending", Assert.Throws<DomainConflictException>(() => contract.Accept(Doctor, Actor, Accepted)).Code);
        Assert.Equal("contract_not_pending", Assert.Throws<DomainConflictException>(() => contract.Decline(Doctor, Actor, "no", Accepted)).Code);
        Assert.Equal("contract_not_pending", Assert.Throws<DomainConflictException>(() => contract.Withdraw(Actor, Accepted)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Declining_and_ending_need_a_reason(string? reason)
    {
        Assert.Equal("reason_required", Assert.Throws<DomainRuleException>(() => Pending().Decline(Doctor, Actor, reason!, Accepted)).Code);
        Assert.Equal("reason_required", Assert.Throws<DomainRuleException>(() => Active().End(ContractParty.Patient, Actor, reason!, Accepted)).Code);
    }

    [Fact]
    public void Either_side_can_end_a_contract_early_and_it_stays_in_the_history()
    {
        var byPatient = Active();
        byPatient.End(ContractParty.Patient, Actor, "moving away", Accepted.AddDays(40));
        var byTeam = Active();
        byTeam.End(ContractParty.Team, Actor, "transferred", Accepted.AddDays(40));

        Assert.Equal(ContractStatus.Ended, byPatient.Status);
        Assert.Equal(ContractParty.Patient, byPatient.EndedBy);
        Assert.Equal("moving away", byPatient.EndReason);
        Assert.Equal(ContractParty.Team, byTeam.EndedBy);
        Assert.Equal(["applied", "accepted", "ended"], byPatient.Events.Select(e => e.Type));
        Assert.Equal([1, 2, 3], byPatient.Events.Select(e => e.Sequence));
        Assert.Equal("contract_not_active", Assert.Throws<DomainConflictException>(() => byPatient.End(ContractParty.Team, Actor, "again", Accepted.AddDays(41))).Code);
    }

    [Fact]
    public void The_system_cannot_end_a_contract_early()
    {
        Assert.Throws<ArgumentException>(() => Active().End(ContractParty.System, Actor, "why", Accepted.AddDays(1)));
    }

    [Fact]
    public void Renewal_opens_30_days_before_the_end()
    {
        var contract = Active();
        var end = contract.EndsAt!.Value;

        Assert.False(contract.IsInRenewalWindow(end.AddDays(-30).AddSeconds(-1)));
        Assert.Equal("renewal_not_open", Assert.Throws<DomainRuleException>(() => contract.RequestRenewal(Actor, end.AddDays(-31))).Code);
        Assert.True(contract.IsInRenewalWindow(end.AddDays(-30)));

        contract.RequestRenewal(Actor, end.AddDays(-10));
        Assert.Equal("renewal_already_requested", Assert.Throws<DomainConflictException>(() => contract.RequestRenewal(Actor, end.AddDays(-9))).Code);
    }

    [Fact]
    public void An_accepted_renewal_adds_a_year_to_the_current_end_so_renewing_early_loses_no_days()
    {
        var contract = Active();
        var end = contract.EndsAt!.Value;
        contract.RequestRenewal(Actor, end.AddDays(-20));

        contract.AcceptRenewal(Doctor, Actor, end.AddDays(-19));

        Assert.Equal(end.AddYears(1), contract.EndsAt);
        Assert.Equal(2, contract.Terms);
        Assert.Null(contract.RenewalRequestedAt);
        Assert.False(contract.IsInRenewalWindow(end.AddDays(-19)));
    }

    [Fact]
    public void A_declined_renewal_needs_a_reason_and_the_contract_runs_to_its_end()
    {
        var contract = Active();
        var end = contract.EndsAt!.Value;
        Assert.Equal("renewal_not_requested", Assert.Throws<DomainConflictException>(() => contract.AcceptRenewal(Doctor, Actor, end.AddDays(-5))).Code);
        contract.RequestRenewal(Actor, end.AddDays(-20));

        contract.DeclineRenewal(Doctor, Actor, "team full", end.AddDays(-18));

        Assert.Equal(end, contract.EndsAt);
        Assert.Equal("team full", contract.Events[^1].Reason);
        Assert.True(contract.Expire(end));
        Assert.Equal(ContractStatus.Expired, contract.Status);
    }

    [Fact]
    public void The_renewal_reminder_is_due_once_when_the_window_opens_and_not_after_a_request()
    {
        var contract = Active();
        var opens = contract.RenewalOpensAt!.Value;

        Assert.False(contract.IsRenewalReminderDue(opens.AddMinutes(-1)));
        Assert.True(contract.IsRenewalReminderDue(opens));
        contract.MarkRenewalReminderSent(opens);
        Assert.False(contract.IsRenewalReminderDue(opens.AddDays(1)));
        Assert.Equal("renewal_reminder_not_due", Assert.Throws<DomainConflictException>(() => contract.MarkRenewalReminderSent(opens.AddDays(1))).Code);

        var requested = Active();
        requested.RequestRenewal(Actor, requested.RenewalOpensAt!.Value.AddDays(1));
        Assert.False(requested.IsRenewalReminderDue(requested.RenewalOpensAt!.Value.AddDays(2)));
    }

    [Fact]
    public void Expiry_happens_at_the_end_and_only_to_active_contracts()
    {
        var contract = Active();
        Assert.False(contract.Expire(contract.EndsAt!.Value.AddSeconds(-1)));
        Assert.True(contract.Expire(contract.EndsAt!.Value));
        Assert.False(contract.Expire(contract.EndsAt!.Value.AddDays(1)));
        Assert.Equal(ContractParty.System, contract.EndedBy);
        Assert.False(Pending().Expire(Accepted.AddYears(5)));
    }

    [Fact]
    public void Every_change_increments_the_version_the_database_checks()
    {
        var contract = Pending();
        var version = contract.Version;
        contract.Accept(Doctor, Actor, Accepted);
        Assert.Equal(version + 1, contract.Version);
    }
}
