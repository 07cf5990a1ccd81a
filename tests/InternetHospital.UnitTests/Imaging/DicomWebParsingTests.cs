using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InternetHospital.Application.Imaging;
using InternetHospital.Infrastructure.Imaging;

namespace InternetHospital.UnitTests.Imaging;

/// <summary>What the DICOMweb adapter reads from a PACS: DICOM JSON (QIDO-RS, STOW-RS answers) and multipart/related (WADO-RS).</summary>
public sealed class DicomWebParsingTests
{
    [Fact]
    public void A_qido_study_reads_numbers_given_as_numbers_or_strings_names_dates_and_several_modalities()
    {
        const string json = """
            [{
              "0020000D": {"vr": "UI", "Value": ["1.2.3"]},
              "00100020": {"vr": "LO", "Value": ["H0000001"]},
              "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Zhang^Wei", "Ideographic": "张^伟"}]},
              "00080020": {"vr": "DA", "Value": ["20261015"]},
              "00081030": {"vr": "LO", "Value": ["胸部CT"]},
              "00080061": {"vr": "CS", "Value": ["CT", "SR"]},
              "00080050": {"vr": "SH"},
              "00201206": {"vr": "IS", "Value": ["2"]},
              "00201208": {"vr": "IS", "Value": [9]}
            },
            {"00100020": {"vr": "LO", "Value": ["no study uid: left out"]}}]
            """;

        var study = Assert.Single(DicomJson.Studies(Parse(json)));

        Assert.Equal(new ArchivedStudy("1.2.3", "H0000001", "Zhang Wei", new DateOnly(2026, 10, 15), "胸部CT", "CT,SR", null, 2, 9), study);
    }

    [Fact]
    public void Lower_case_tags_an_ideographic_only_name_and_malformed_values_are_read_or_left_absent()
    {
        const string json = """
            [{
              "0020000d": {"vr": "UI", "Value": ["1.2.4"]},
              "00100010": {"vr": "PN", "Value": [{"Ideographic": "王^秀英"}]},
              "00080020": {"vr": "DA", "Value": ["2026-13"]},
              "00201206": {"vr": "IS", "Value": ["many"]},
              "00201208": "not an object"
            }]
            """;

        var study = Assert.Single(DicomJson.Studies(Parse(json)));

        Assert.Equal(("1.2.4", "王 秀英", (DateOnly?)null, 0, 0), (study.StudyInstanceUid, study.PatientName, study.StudyDate, study.SeriesCount, study.InstanceCount));
    }

    [Fact]
    public void Series_and_instances_come_in_their_number_order_and_an_instance_without_frames_has_one()
    {
        var series = DicomJson.Series(Parse("""
            [{"0020000E": {"Value": ["1.2.3.2"]}, "00200011": {"Value": [2]}, "00080060": {"Value": ["CT"]}, "00201209": {"Value": [5]}},
             {"0020000E": {"Value": ["1.2.3.1"]}, "00200011": {"Value": ["1"]}, "0008103E": {"Value": ["Scout"]}}]
            """));
        var instances = DicomJson.Instances(Parse("""
            [{"00080018": {"Value": ["1.9"]}, "00200013": {"Value": [10]}, "00280008": {"Value": ["3"]}},
             {"00080018": {"Value": ["1.8"]}, "00200013": {"Value": [9]}}]
            """));

        Assert.Equal(["1.2.3.1", "1.2.3.2"], series.Select(s => s.SeriesInstanceUid));
        Assert.Equal(new ArchivedSeries("1.2.3.2", "CT", null, 2, 5), series[1]);
        Assert.Equal([new ArchivedInstance("1.8", 9, 1), new ArchivedInstance("1.9", 10, 3)], instances);
    }

    [Fact]
    public void A_stow_answer_lists_what_was_stored_and_counts_what_failed()
    {
        var (stored, failed) = DicomJson.StoreResult(Parse("""
            {"00081198": {"vr": "SQ", "Value": [{"00081155": {"Value": ["1.5"]}}]},
             "00081199": {"vr": "SQ", "Value": [{"00081155": {"Value": ["1.4"]}, "00081190": {"Value": ["http://pacs/studies/1/series/2/instances/1.4"]}}]}}
            """));

        Assert.Equal(("1.4", "http://pacs/studies/1/series/2/instances/1.4"), Assert.Single(stored));
        Assert.Equal(1, failed);
    }

    [Fact]
    public void A_wado_multipart_answer_gives_its_dicom_part_byte_for_byte()
    {
        var dicom = new byte[300];
        new Random(7).NextBytes(dicom);
        "\r\n--b--"u8.CopyTo(dicom.AsSpan(200)); // looks like a delimiter but is not preceded by the boundary itself
        var body = Concat(
            "--abc\r\nContent-Type: application/dicom\r\nContent-Length: 300\r\nMIME-Version: 1.0\r\n\r\n"u8.ToArray(),
            dicom,
            "\r\n--abc\r\nContent-Type: application/dicom\r\n\r\n"u8.ToArray(),
            [1, 2, 3],
            "\r\n--abc--\r\n"u8.ToArray());

        var parts = MultipartRelated.Parse(MediaTypeHeaderValue.Parse("multipart/related; type=\"application/dicom\"; boundary=abc"), body);

        Assert.Equal(2, parts.Count);
        Assert.Equal("application/dicom", parts[0].ContentType);
        Assert.Equal(dicom, parts[0].Content);
        Assert.Equal(new byte[] { 1, 2, 3 }, parts[1].Content);
    }

    [Fact]
    public void A_body_that_is_not_multipart_or_never_ends_is_refused_not_guessed()
    {
        Assert.Throws<FormatException>(() => MultipartRelated.Parse(MediaTypeHeaderValue.Parse("application/dicom"), "DICM"u8));
        Assert.Throws<FormatException>(() => MultipartRelated.Parse(MediaTypeHeaderValue.Parse("multipart/related; boundary=abc"), "no boundary here"u8));
        Assert.Throws<FormatException>(() => MultipartRelated.Parse(MediaTypeHeaderValue.Parse("multipart/related; boundary=abc"), "--abc\r\nContent-Type: application/dicom\r\n\r\ntruncated"u8));
    }

    [Fact]
    public void A_stow_body_parses_back_to_the_same_file()
    {
        var file = Encoding.ASCII.GetBytes("pretend DICOM");

        var body = MultipartRelated.Single("xyz", "application/dicom", file);

        Assert.Equal(file, Assert.Single(MultipartRelated.Parse(MediaTypeHeaderValue.Parse("multipart/related; boundary=\"xyz\""), body)).Content);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2", true)]
    [InlineData("2.25.335242770056920577468807580992804685318", true)]
    [InlineData("1.2.*", false)]
    [InlineData("1.2.3\\1.2.4", false)]
    [InlineData("1..2", false)]
    [InlineData(".1.2", false)]
    [InlineData("1.2.", false)]
    [InlineData("1.2/../3", false)]
    [InlineData("", false)]
    [InlineData("1.234567890123456789012345678901234567890123456789012345678901234", false)]
    public void Only_dicom_uids_reach_the_pacs(string uid, bool valid) => Assert.Equal(valid, DicomUid.IsValid(uid));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
