using System.Globalization;
using InternetHospital.Domain.Patients;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>Fresh, valid, unique data for each test, so tests never depend on each other.</summary>
public static class TestData
{
    public const string DemoPassword = "Demo-Pass-2026";
    public const string StrongPassword = "correct horse battery staple";

    public static string Email(string prefix = "patient") => $"{prefix}.{Guid.NewGuid():N}@example.test";

    public static string ClientIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>A resident ID number with a correct check character for the given birth date and sex.</summary>
    public static string ResidentId(DateOnly dateOfBirth, Sex sex)
    {
        var sequence = Random.Shared.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
        var region = Random.Shared.Next(110000, 660000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{dateOfBirth:yyyyMMdd}{sequence:000}");
        return first17 + ResidentIdNumber.CheckCharacterFor(first17);
    }

    public static DateOnly RandomDateOfBirth() => new DateOnly(1940, 1, 1).AddDays(Random.Shared.Next(0, 365 * 65));

    public static object Registration(
        string? email = null,
        string? idNumber = null,
        string? dateOfBirth = null,
        string sex = "Female",
        string password = StrongPassword,
        string idType = "ResidentId",
        string fullName = "李娜")
    {
        dateOfBirth ??= RandomDateOfBirth().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new
        {
            fullName,
            idType,
            idNumber = idNumber ?? ResidentId(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), Enum.Parse<Sex>(sex)),
            dateOfBirth,
            sex,
            mobile = "13912345678",
            email = email ?? Email(),
            password,
        };
    }
}
