using InternetHospital.Domain.Patients;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>The two demo patients as both the portal and the demo HIS know them.</summary>
internal static class DemoPatients
{
    public static readonly DemoPatient ZhangWei = new(
        DemoAccounts.PatientWithHistory, WithCheck("44010619650312123"), new DateOnly(1965, 3, 12), Sex.Male, "13900000001", "H0000001", "MR2019000123");

    public static readonly DemoPatient WangXiuying = new(
        DemoAccounts.PatientWithoutHistory, WithCheck("11010519580820246"), new DateOnly(1958, 8, 20), Sex.Female, "13900000002", "H0000002", "MR2024000456");

    public static IReadOnlyList<DemoPatient> All { get; } = [ZhangWei, WangXiuying];

    /// <summary>
    /// 张伟's son 张小宝 (no account of his own; 张伟 is his guardian). His age is relative to today so he stays under 6
    /// (domain rule 4: the guardian confirms being present); the demo HIS has his asthma and montelukast, so a guardian
    /// can renew a child's medicine in the demo.
    /// </summary>
    public static DemoChild Child(DateOnly today)
    {
        var birth = today.AddYears(-4).AddMonths(-2);
        var first17 = "440106" + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "135";
        return new DemoChild("张小宝", WithCheck(first17), birth, Sex.Male, "H0000003", "MR2024000789");
    }

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacterFor(first17);
}

internal sealed record DemoPatient(DemoAccount Account, string ResidentId, DateOnly DateOfBirth, Sex Sex, string Mobile, string HisPatientId, string MedicalRecordNumber);

internal sealed record DemoChild(string FullName, string ResidentId, DateOnly DateOfBirth, Sex Sex, string HisPatientId, string MedicalRecordNumber);
