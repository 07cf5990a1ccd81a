using InternetHospital.Infrastructure.Identity;

namespace InternetHospital.UnitTests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private readonly CommonPasswordValidator validator = new();

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("woaini1314")]
    [InlineData("qwertyuiop")]
    [InlineData("23456789")]
    [InlineData("98765432")]
    [InlineData("zzzzzzzzzz")]
    public async Task Common_and_trivial_passwords_are_refused(string password)
    {
        var result = await validator.ValidateAsync(null!, new Account { Email = "someone@example.test" }, password);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("维生素C和一杯热茶")]
    [InlineData("Tr0ub4dor&3-is-long")]
    public async Task Long_unusual_passwords_pass_without_composition_rules(string password)
    {
        var result = await validator.ValidateAsync(null!, new Account { Email = "someone@example.test" }, password);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_password_containing_the_email_name_is_refused()
    {
        var result = await validator.ValidateAsync(null!, new Account { Email = "zhangsan@example.test" }, "zhangsan-is-me-2026");

        Assert.Equal("password_contains_email", Assert.Single(result.Errors).Code);
    }
}
