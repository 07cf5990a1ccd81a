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

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacterFor(first17);
}

internal sealed record DemoPatient(DemoAccount Account, string ResidentId, DateOnly DateOfBirth, Sex Sex, string Mobile, string HisPatientId, string MedicalRecordNumber);
