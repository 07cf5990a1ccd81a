using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// The real PACS of the test run: the Orthanc (with its DICOMweb plugin) that ./test.sh starts, named by
/// IH_TEST_ORTHANC_URL / _USER / _PASS. Hosts use it when it is there (else the demo archive); the imaging tests
/// require it. Test studies are made here with dcmtk's dump2dcm: tiny 8-bit images with the ids a test asks for.
/// </summary>
public static class TestPacs
{
    public const string UrlVariable = "IH_TEST_ORTHANC_URL";

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    public static string RequiredUrl => Url ?? throw new InvalidOperationException(
        $"The imaging tests need Orthanc with DICOMweb: run ./test.sh (it starts one), or start one with scripts/lib.sh's orthanc_start and set {UrlVariable}, IH_TEST_ORTHANC_USER and IH_TEST_ORTHANC_PASS.");

    public static void Configure(IWebHostBuilder builder)
    {
        if (Url is not { } url)
        {
            return;
        }

        builder.UseSetting("Imaging:Archive", "DicomWeb");
        builder.UseSetting("Imaging:DicomWeb:BaseUrl", url);
        builder.UseSetting("Imaging:DicomWeb:Username", Environment.GetEnvironmentVariable("IH_TEST_ORTHANC_USER"));
        builder.UseSetting("Imaging:DicomWeb:Password", Environment.GetEnvironmentVariable("IH_TEST_ORTHANC_PASS"));
    }

    /// <summary>A new UID under 2.25 (a UUID as a decimal number, PS3.5 B.2).</summary>
    public static string NewUid() => "2.25." + new System.Numerics.BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true).ToString(CultureInfo.InvariantCulture);

    /// <summary>A DICOM Part 10 file (secondary capture, 16×16, 8-bit grey) made by dump2dcm.</summary>
    public static async Task<byte[]> MakeAsync(string patientId, string study, string series, string sop, int instanceNumber, string modality = "CT", string? accession = null, string description = "测试检查 Test study")
    {
        var dir = Directory.CreateTempSubdirectory("ih-dicom-");
        try
        {
            var pixels = Path.Combine(dir.FullName, "pixels.raw");
            await File.WriteAllBytesAsync(pixels, Enumerable.Range(0, 256).Select(i => (byte)((i * instanceNumber) % 256)).ToArray());
            var dump = Path.Combine(dir.FullName, "file.dump");
            await File.WriteAllTextAsync(dump, string.Join('\n',
                "(0002,0010) UI =LittleEndianExplicit",
                "(0008,0005) CS [ISO_IR 192]",
                "(0008,0016) UI =SecondaryCaptureImageStorage",
                $"(0008,0018) UI [{sop}]",
                "(0008,0020) DA [20261101]",
                $"(0008,0050) SH [{accession ?? string.Empty}]",
                $"(0008,0060) CS [{modality}]",
                $"(0008,1030) LO [{description}]",
                "(0008,103e) LO [Series 1]",
                "(0010,0010) PN [Test^Patient]",
                $"(0010,0020) LO [{patientId}]",
                $"(0020,000d) UI [{study}]",
                $"(0020,000e) UI [{series}]",
                "(0020,0011) IS [1]",
                $"(0020,0013) IS [{instanceNumber}]",
                "(0028,0002) US 1",
                "(0028,0004) CS [MONOCHROME2]",
                "(0028,0010) US 16",
                "(0028,0011) US 16",
                "(0028,0100) US 8",
                "(0028,0101) US 8",
                "(0028,0102) US 7",
                "(0028,0103) US 0",
                $"(7fe0,0010) OB ={pixels}") + "\n");
            var output = Path.Combine(dir.FullName, "file.dcm");
            using var process = Process.Start(new ProcessStartInfo("dump2dcm", ["-q", dump, output]) { RedirectStandardError = true })!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dump2dcm failed ({process.ExitCode}): {error}");
            }

            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
