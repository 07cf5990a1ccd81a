using System.IO.Compression;
using System.Text;
using InternetHospital.Application.Imaging;
using InternetHospital.Domain.Common;

namespace InternetHospital.UnitTests.Imaging;

public sealed class DicomUploadReaderTests
{
    private static readonly ImagingUploadOptions Limits = new();

    private static byte[] Slice(int n, string study = "1.2.3.4") => DicomTestFile.Image(study: study, sop: $"{study}.1.{n}").ToBytes();

    private static DicomUpload Read(byte[] upload, ImagingUploadOptions? limits = null) => DicomUploadReader.Read(new MemoryStream(upload), limits ?? Limits);

    private static string Refusal(byte[] upload, ImagingUploadOptions? limits = null) =>
        Assert.Throws<DomainRuleException>(() => Read(upload, limits).Dispose()).Code;

    [Fact]
    public void A_single_file_is_one_instance_and_reads_back_whole()
    {
        var bytes = Slice(1);

        using var upload = Read(bytes);

        var file = Assert.Single(upload.Files);
        Assert.Equal(("1.2.3.4", "1.2.3.4.1.1", "CT chest"), (upload.StudyInstanceUid, file.Header.SopInstanceUid, upload.Description));
        Assert.Equal(bytes, upload.ReadContent(file));
    }

    [Fact]
    public void A_zip_of_slices_gives_every_slice_and_reads_each_back()
    {
        using var upload = Read(DicomTestFile.Zip(("CT/IM0001", Slice(1)), ("CT/IM0002", Slice(2))));

        Assert.Equal(["1.2.3.4.1.1", "1.2.3.4.1.2"], upload.Files.Select(f => f.Header.SopInstanceUid));
        Assert.Equal(Slice(2), upload.ReadContent(upload.Files[1]));
        Assert.Equal(0, upload.Skipped);
    }

    [Fact]
    public void A_zipped_cd_leaves_out_its_dicomdir_and_its_own_files()
    {
        var dicomdir = new DicomTestFile { SopClass = DicomPart10.MediaStorageDirectorySopClass, SopInstance = "1.2.9" }.ToBytes();
        var zip = DicomTestFile.Zip(
            ("DICOMDIR", dicomdir), ("AUTORUN.INF", "[autorun]"u8.ToArray()), ("VIEWER/VIEWER.EXE", [0x4D, 0x5A, 0x90]),
            ("DICOM/S1/I1", Slice(1)), ("DICOM/S1/I2", Slice(2)), ("__MACOSX/DICOM/._I1", [0, 5, 22, 7]));

        using var upload = Read(zip);

        Assert.Equal(2, upload.Files.Count);
        Assert.Equal(2, upload.Skipped);
    }

    [Fact]
    public void A_file_that_is_not_dicom_refuses_the_upload_whatever_its_name()
    {
        Assert.Equal(ImagingUploadProblems.NotDicom, Refusal("%PDF-1.7 not an image"u8.ToArray()));
        Assert.Equal(ImagingUploadProblems.NotDicom, Refusal(DicomTestFile.Zip(("IM0001.dcm", Slice(1)), ("IM0002.dcm", Encoding.UTF8.GetBytes("a report")))));
        Assert.Equal(ImagingUploadProblems.NotDicom, Refusal(DicomTestFile.Zip(("readme.txt", "nothing here"u8.ToArray()))));
    }

    [Fact]
    public void A_broken_dicom_file_refuses_even_a_cd()
    {
        var dicomdir = new DicomTestFile { SopClass = DicomPart10.MediaStorageDirectorySopClass, SopInstance = "1.2.9" }.ToBytes();
        var broken = Slice(2)[..200];

        Assert.Equal(ImagingUploadProblems.NotDicom, Refusal(DicomTestFile.Zip(("DICOMDIR", dicomdir), ("I1", Slice(1)), ("I2", broken))));
    }

    [Theory]
    [InlineData("../evil.dcm")]
    [InlineData("CD/../../evil.dcm")]
    [InlineData("CD\\..\\..\\evil.dcm")]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.dcm")]
    [InlineData("\\\\server\\share\\evil.dcm")]
    public void An_entry_name_that_leaves_the_archive_refuses_the_upload(string name)
    {
        Assert.Equal(ImagingUploadProblems.UnsafeArchive, Refusal(DicomTestFile.Zip(("IM0001", Slice(1)), (name, Slice(2)))));
    }

    [Fact]
    public void A_symbolic_link_refuses_the_upload()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var stream = zip.CreateEntry("IM0001").Open())
            {
                stream.Write(Slice(1));
            }

            var link = zip.CreateEntry("IM0002");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var target = link.Open();
            target.Write("/etc/passwd"u8);
        }

        Assert.Equal(ImagingUploadProblems.UnsafeArchive, Refusal(output.ToArray()));
    }

    [Fact]
    public void A_zip_bomb_is_refused_while_it_unpacks()
    {
        var bomb = DicomTestFile.Zip(("IM0001", Slice(1)), ("IM0002", [.. Slice(2), .. new byte[40 * 1024 * 1024]]));
        Assert.True(bomb.Length < 200 * 1024, $"The bomb is {bomb.Length} bytes.");

        Assert.Equal(ImagingUploadProblems.UnsafeArchive, Refusal(bomb));
    }

    [Fact]
    public void A_bomb_hidden_beside_incompressible_files_is_caught_by_its_own_ratio()
    {
        var noise = new byte[3 * 1024 * 1024];
        new Random(16).NextBytes(noise);
        var zip = DicomTestFile.Zip(("IM0001", [.. Slice(1), .. noise]), ("IM0002", [.. Slice(2), .. new byte[8 * 1024 * 1024]]));
        Assert.True(11L * 1024 * 1024 < zip.Length * (long)Limits.MaxCompressionRatio, "The whole zip stays under the ratio; only the second entry is over it.");

        Assert.Equal(ImagingUploadProblems.UnsafeArchive, Refusal(zip));
    }

    [Fact]
    public void Limits_on_files_bytes_and_file_size_refuse_as_too_large()
    {
        var slices = Enumerable.Range(1, 6).Select(n => ($"IM{n}", Slice(n))).ToArray();
        Assert.Equal(ImagingUploadProblems.TooLarge, Refusal(DicomTestFile.Zip(slices), new ImagingUploadOptions { MaxFiles = 5 }));

        var perFile = Slice(1).Length;
        Assert.Equal(ImagingUploadProblems.TooLarge, Refusal(DicomTestFile.Zip(slices), new ImagingUploadOptions { MaxUncompressedBytes = (perFile * 5) + 1 }));
        Assert.Equal(ImagingUploadProblems.TooLarge, Refusal(Slice(1), new ImagingUploadOptions { MaxFileBytes = perFile - 1 }));
        Assert.Equal(ImagingUploadProblems.TooLarge, Refusal(DicomTestFile.Zip(slices), new ImagingUploadOptions { MaxFileBytes = perFile - 1 }));
        Assert.Equal(ImagingUploadProblems.TooLarge, Refusal(Slice(1), new ImagingUploadOptions { MaxUploadBytes = perFile - 1 }));
    }

    [Fact]
    public void Two_studies_in_one_upload_are_refused()
    {
        Assert.Equal(ImagingUploadProblems.SeveralStudies, Refusal(DicomTestFile.Zip(("A/1", Slice(1, "1.2.3.4")), ("B/1", Slice(1, "1.2.3.5")))));
    }

    [Fact]
    public void A_damaged_zip_is_refused_as_unsafe()
    {
        Assert.Equal(ImagingUploadProblems.UnsafeArchive, Refusal([(byte)'P', (byte)'K', 3, 4, .. new byte[100]]));
    }
}
