using InternetHospital.Application.Accounts;
using InternetHospital.Domain.Patients;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.UnitTests.Accounts;

public sealed class RegisterPatientValidatorTests
{
    private readonly RegisterPatient.Validator validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

    private static RegisterPatient Valid() => new(
        "张伟", IdDocumentType.ResidentId, "11010519491231002X", new DateOnly(1949, 12, 31), Sex.Female, "13900000000", "a@example.test", "long enough password");

    [Fact]
    public void A_complete_registration_is_valid()
    {
        Assert.True(validator.Validate(Valid()).IsValid);
    }

    [Fact]
    public void The_birth_date_must_agree_with_the_resident_id()
    {
        var result = validator.Validate(Valid() with { DateOfBirth = new DateOnly(1950, 1, 1) });

        Assert.Equal(["DateOfBirth"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void The_sex_must_agree_with_the_resident_id()
    {
        var result = validator.Validate(Valid() with { Sex = Sex.Male });

        Assert.Equal(["Sex"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void A_passport_holder_gives_any_birth_date_and_sex()
    {
        var result = validator.Validate(Valid() with { IdType = IdDocumentType.Passport, IdNumber = "E12345678", Sex = Sex.Male, DateOfBirth = new DateOnly(1990, 1, 1) });

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1390000000")]
    [InlineData("+86")]
    public void A_mobile_number_must_look_like_one(string mobile)
    {
        Assert.Contains(validator.Validate(Valid() with { Mobile = mobile }).Errors, e => e.PropertyName == "Mobile");
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var result = validator.Validate(Valid() with { IdType = IdDocumentType.Passport, IdNumber = "E12345678", DateOfBirth = new DateOnly(2027, 1, 1) });

        Assert.Contains(result.Errors, e => e.PropertyName == "DateOfBirth");
    }
}
