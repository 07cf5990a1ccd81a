using InternetHospital.Domain.Patients;

namespace InternetHospital.UnitTests.Patients;

public sealed class IdentifierMaskTests
{
    [Theory]
    [InlineData("440106196503121234", "4401**********1234")]
    [InlineData("E12345678", "E******78")]
    [InlineData("AB123", "*****")]
    public void Identity_numbers_are_never_shown_whole(string value, string masked)
    {
        Assert.Equal(masked, IdentifierMask.Mask(value));
    }
}
