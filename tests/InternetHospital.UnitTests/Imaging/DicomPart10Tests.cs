using System.Text;
using InternetHospital.Application.Imaging;

namespace InternetHospital.UnitTests.Imaging;

public sealed class DicomPart10Tests
{
    [Fact]
    public void An_explicit_vr_file_gives_its_patient_study_and_series_past_a_sequence_of_undefined_length()
    {
        var file = DicomTestFile.Image(name: "Zhang^Wei=张^伟", study: "1.2.3.4.5", series: "1.2.3.4.5.6", sop: "1.2.3.4.5.6.7");
        file.Add(0x00080005, "CS", "GB18030").AddSequence(0x00081110);
        file.Add(0x00100010, "PN", "Zhang^Wei=张^伟", CodePagesEncodingProvider.Instance.GetEncoding(54936));

        var header = DicomPart10.TryRead(file.ToBytes(), complete: true, out var reason);

        Assert.NotNull(header);
        Assert.Null(reason);
        Assert.Equal(("1.2.3.4.5", "1.2.3.4.5.6", "1.2.3.4.5.6.7"), (header.StudyInstanceUid, header.SeriesInstanceUid, header.SopInstanceUid));
        Assert.Equal(("P-OUT-1", "Zhang^Wei=张^伟", "19800115"), (header.PatientId, header.PatientName, header.PatientBirthDate));
        Assert.Equal(("CT", "CT chest"), (header.Modality, header.StudyDescription));
        Assert.False(header.IsDirectory);
    }

    [Fact]
    public void An_implicit_vr_file_is_read_too()
    {
        var file = DicomTestFile.Image(transferSyntax: DicomPart10.ImplicitVrLittleEndian).AddSequence(0x00081140);

        var header = DicomPart10.TryRead(file.ToBytes(), complete: true, out _);

        Assert.NotNull(header);
        Assert.Equal(("P-OUT-1", "ZHANG^WEI", "1.2.3.4"), (header.PatientId, header.PatientName, header.StudyInstanceUid));
    }

    [Fact]
    public void A_file_without_the_preamble_and_DICM_is_not_dicom_whatever_it_is_called()
    {
        var bytes = DicomTestFile.Image().ToBytes()[132..];

        Assert.Null(DicomPart10.TryRead(bytes, complete: true, out var reason));
        Assert.Contains("DICM", reason, StringComparison.Ordinal);
        Assert.Null(DicomPart10.TryRead("just some text in a .dcm file"u8, complete: true, out _));
    }

    [Fact]
    public void File_meta_without_a_transfer_syntax_is_not_dicom()
    {
        var file = new DicomTestFile { WithTransferSyntax = false }.Add(0x0020000D, "UI", "1.2").Add(0x0020000E, "UI", "1.2.3");

        Assert.Null(DicomPart10.TryRead(file.ToBytes(), complete: true, out var reason));
        Assert.Contains("transfer syntax", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_study_and_series_uids_is_not_an_instance_to_store()
    {
        var file = new DicomTestFile().Add(0x00100020, "LO", "P1");

        Assert.Null(DicomPart10.TryRead(file.ToBytes(), complete: true, out _));
    }

    [Fact]
    public void Every_truncation_and_every_corrupted_byte_is_answered_without_an_exception()
    {
        var bytes = DicomTestFile.Image().AddSequence(0x00081110).ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            var header = DicomPart10.TryRead(bytes.AsSpan(0, length), complete: true, out _);
            Assert.True(header is null || length >= bytes.Length - 76, $"A file cut at {length} of {bytes.Length} bytes was accepted.");
        }

        var random = new Random(16);
        for (var round = 0; round < 2000; round++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[132 + random.Next(corrupted.Length - 132)] = (byte)random.Next(256);
            _ = DicomPart10.TryRead(corrupted, complete: true, out _);
        }
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2")]
    public void The_patient_id_is_replaced_in_place_and_the_rest_of_the_file_is_unchanged(string transferSyntax)
    {
        var file = DicomTestFile.Image(transferSyntax: transferSyntax);
        file.Add(0x00100000, "UL", BitConverter.GetBytes(0u));
        var bytes = file.ToBytes();
        var header = DicomPart10.TryRead(bytes, complete: true, out _)!;

        var rewritten = DicomPart10.WithPatientId(bytes, header, "IH-0123456789abcdef");
        var again = DicomPart10.TryRead(rewritten, complete: true, out _)!;

        Assert.Equal("IH-0123456789abcdef", again.PatientId);
        Assert.Equal(
            (header.StudyInstanceUid, header.SeriesInstanceUid, header.SopInstanceUid, header.PatientName, header.PatientBirthDate, header.Modality),
            (again.StudyInstanceUid, again.SeriesInstanceUid, again.SopInstanceUid, again.PatientName, again.PatientBirthDate, again.Modality));
        Assert.Equal(bytes.AsSpan(bytes.Length - 76).ToArray(), rewritten.AsSpan(rewritten.Length - 76).ToArray());
        byte[] groupLengthElement = transferSyntax == DicomPart10.ImplicitVrLittleEndian ? [0x10, 0, 0, 0, 4, 0, 0, 0] : [0x10, 0, 0, 0, (byte)'U', (byte)'L', 4, 0];
        var groupLengthAt = rewritten.AsSpan().IndexOf(groupLengthElement) + 8;
        Assert.Equal((uint)("IH-0123456789abcdef ".Length - "P-OUT-1 ".Length), BitConverter.ToUInt32(rewritten, groupLengthAt));
    }

    [Fact]
    public void A_file_without_a_patient_id_gets_one_inserted_before_the_next_element()
    {
        var file = new DicomTestFile().Add(0x00100010, "PN", "LI^NA").Add(0x0020000D, "UI", "1.2").Add(0x0020000E, "UI", "1.2.3");
        var bytes = file.ToBytes();
        var header = DicomPart10.TryRead(bytes, complete: true, out _)!;
        Assert.Null(header.PatientId);

        var rewritten = DicomPart10.TryRead(DicomPart10.WithPatientId(bytes, header, "IH-1"), complete: true, out _)!;

        Assert.Equal(("IH-1", "LI^NA", "1.2"), (rewritten.PatientId, rewritten.PatientName, rewritten.StudyInstanceUid));
    }

    [Fact]
    public void Utf8_names_are_read_as_utf8()
    {
        var file = DicomTestFile.Image().Add(0x00080005, "CS", "ISO_IR 192").Add(0x00100010, "PN", "王^秀英", Encoding.UTF8);

        Assert.Equal("王^秀英", DicomPart10.TryRead(file.ToBytes(), complete: true, out _)!.PatientName);
    }
}
