using InternetHospital.Domain.Accounts;

namespace InternetHospital.UnitTests.Accounts;

/// <summary>Separation of administrative duties (domain rule 31): an administrator role is an account's only role.</summary>
public sealed class RolesTests
{
    [Theory]
    [InlineData(new[] { "SystemAdmin" }, true)]
    [InlineData(new[] { "SecurityAdmin" }, true)]
    [InlineData(new[] { "AuditAdmin", "AuditAdmin" }, true)]
    [InlineData(new[] { "Doctor", "Patient" }, true)]
    [InlineData(new[] { "Doctor", "Pharmacist" }, true)]
    [InlineData(new[] { "SystemAdmin", "SecurityAdmin" }, false)]
    [InlineData(new[] { "SecurityAdmin", "AuditAdmin" }, false)]
    [InlineData(new[] { "SystemAdmin", "AuditAdmin" }, false)]
    [InlineData(new[] { "AuditAdmin", "Doctor" }, false)]
    [InlineData(new[] { "SystemAdmin", "Patient" }, false)]
    [InlineData(new[] { "ConsortiumAdmin" }, true)]
    [InlineData(new[] { "ConsortiumAdmin", "SystemAdmin" }, false)]
    public void An_administrator_role_is_held_alone(string[] roles, bool allowed) =>
        Assert.Equal(allowed, Roles.MayBeHeldTogether(roles));

    [Fact]
    public void The_administrators_are_staff_and_distinct_roles()
    {
        // The three of separation of duties, and the consortium's administrator (a system administrator of every institution).
        Assert.Equal(4, Roles.Administrators.Distinct().Count());
        Assert.All(Roles.SystemAdministrators, role => Assert.Contains(role, Roles.Administrators));
        Assert.All(Roles.Administrators, role => Assert.Contains(role, Roles.Staff));
        Assert.All(Roles.Administrators, role => Assert.Contains(role, Roles.All));
        Assert.DoesNotContain("Admin", Roles.All);
    }
}
