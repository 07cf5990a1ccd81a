using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

namespace InternetHospital.UnitTests.Patients;

public sealed class PatientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2000-11-27", 26)]
    [InlineData("2000-11-28", 25)]
    [InlineData("2020-02-29", 6)]
    public void Age_counts_whole_years(string dateOfBirth, int age)
    {
        var patient = Patient.Register("张三", IdDocumentType.Passport, new ProtectedIdentifier("c", "h", "m"), DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Sex.Male, "13900000000", Now);

        Assert.Equal(age, patient.AgeOn(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void Access_can_be_revoked_once()
    {
        var access = PatientAccess.Grant(Guid.NewGuid(), Guid.NewGuid(), PatientRelationship.Guardian, Now);

        access.Revoke(Now.AddDays(1));

        Assert.False(access.IsActive);
        Assert.Equal("access_already_revoked", Assert.Throws<DomainConflictException>(() => access.Revoke(Now.AddDays(2))).Code);
    }

    [Theory]
    [InlineData("110440100012345", 2023, true)]
    [InlineData("110440100012345", 2024, false)]
    [InlineData("", 2000, false)]
    public void A_doctor_practises_online_with_a_licence_and_three_years_of_practice(string licence, int since, bool eligible)
    {
        var doctor = Doctor.Create(Guid.NewGuid(), Guid.NewGuid(), "李伟", "主任医师", "Chief Physician", false, licence, since);

        Assert.Equal(eligible, doctor.IsEligibleForOnlinePractice(new DateOnly(2026, 11, 27)));
    }
}
