using InternetHospital.Application.Imaging;

namespace InternetHospital.UnitTests.Imaging;

public sealed class OutsideStudyPatientTests
{
    private static readonly DateOnly Born = new(1980, 1, 15);

    private static DicomHeader Header(string? patientId, string? name, string? birth) =>
        new("1.2.840.10008.1.2.1", DicomTestFile.SecondaryCapture, "1.2.3.1", "1.2.3", "1.2.3.4", patientId, name, birth, null, "CT");

    [Theory]
    [InlineData("张^伟", "张伟")]
    [InlineData("Zhang^Wei=张^伟", "张伟")]
    [InlineData("ZHANG^WEI", "Zhang Wei")]
    [InlineData("ZHANG^WEI", "Wei Zhang")]
    [InlineData("Wang^Xiu Ying", "王秀英")]
    public void The_name_and_birth_date_of_the_patient_match_whatever_the_outside_patient_id(string dicomName, string registered)
    {
        var matches = OutsideStudyPatient.Matches(Header("OTHER-HOSPITAL-77", dicomName, "19800115"), registered, Born, "HIS-1");

        Assert.Equal(dicomName != "Wang^Xiu Ying", matches);
    }

    [Fact]
    public void The_hospitals_own_patient_id_matches_alone()
    {
        Assert.True(OutsideStudyPatient.Matches(Header("HIS-1", "ANON", null), "张伟", Born, "HIS-1"));
    }

    [Theory]
    [InlineData("P-9", "张^伟", "19800116", "HIS-1")] // another birth date
    [InlineData("P-9", "李^伟", "19800115", "HIS-1")] // another name
    [InlineData("P-9", null, "19800115", "HIS-1")] // no name
    [InlineData("HIS-2", "ANON", "19800115", "HIS-1")] // another HIS patient
    [InlineData("", "ANON", "19800115", "")] // an empty Patient ID never matches a patient without a HIS id
    public void Anyone_else_does_not_match(string patientId, string? name, string birth, string hisPatientId)
    {
        Assert.False(OutsideStudyPatient.Matches(Header(patientId, name, birth), "张伟", Born, hisPatientId));
    }
}
