using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InternetHospital.Application.Imaging;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Imaging;

/// <summary>
/// Sharing an outside study end to end: DICOM files made by dcmtk (img2dcm), zipped by the test, uploaded through HTTP,
/// stored in a real Orthanc through DICOMweb, listed for the patient; refused uploads leave nothing in the PACS.
/// </summary>
public abstract class ImagingUploadTests(ApiFactory factory) : IDisposable
{
    private readonly FamilyTestKit kit = new(factory);
    private readonly string work = Directory.CreateTempSubdirectory("ih-dicom-").FullName;

    public void Dispose()
    {
        Directory.Delete(work, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_zipped_study_is_stored_listed_as_shared_and_a_second_upload_stores_nothing_again()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var zip = Zip(await MakeStudyAsync(study, patientId: "OUTSIDE-4711", name, born, slices: 3));

        var uploaded = await (await UploadAsync(patient.Client, patient.PatientId, zip, "study.zip")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal((study, 3, 0, "CT chest outside"), (uploaded.GetProperty("studyInstanceUid").GetString(), uploaded.GetProperty("stored").GetInt32(), uploaded.GetProperty("duplicates").GetInt32(), uploaded.GetProperty("description").GetString()));
        var listed = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).ReadJsonAsync();
        var item = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("studyInstanceUid").GetString() == study);
        Assert.Equal(("shared", 3), (item.GetProperty("source").GetString(), item.GetProperty("instanceCount").GetInt32()));

        // Filed in the PACS under the portal's id for the patient, not the other hospital's.
        var archived = await ArchiveAsync(a => a.FindStudyAsync(study, CancellationToken.None));
        Assert.Equal(OutsideStudyPatient.ArchivePatientId(patient.PatientId), archived?.PatientId);

        var again = await (await UploadAsync(patient.Client, patient.PatientId, zip, "study.zip")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal((0, 3), (again.GetProperty("stored").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(3, (await ArchiveAsync(a => a.FindStudyAsync(study, CancellationToken.None)))?.InstanceCount);
        Assert.Equal(1, await kit.FromDatabaseAsync(db => db.SharedStudies.CountAsync(s => s.PatientId == patient.PatientId && s.StudyInstanceUid == study)));
        Assert.True(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patient.PatientId && a.Action == "imaging.study.shared")));
    }

    [Fact]
    public async Task A_single_dcm_file_is_an_upload_too()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var file = Assert.Single(await MakeStudyAsync(study, "X1", name, born, slices: 1));

        var uploaded = await (await UploadAsync(patient.Client, patient.PatientId, file.Content, "IM0001")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(1, uploaded.GetProperty("stored").GetInt32());
        Assert.NotNull(await ArchiveAsync(a => a.FindStudyAsync(study, CancellationToken.None)));
    }

    [Fact]
    public async Task A_study_of_someone_else_is_refused_and_nothing_is_stored()
    {
        var (patient, _, born) = await PatientAsync();
        var study = NewUid();

        var problem = await (await UploadAsync(patient.Client, patient.PatientId, Zip(await MakeStudyAsync(study, "OUTSIDE-1", "Wang^Fang", born, slices: 2)), "study.zip"))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("imaging_patient_mismatch", problem.Code());
        await AssertNothingStoredAsync(patient.PatientId, study);
    }

    [Fact]
    public async Task A_file_that_is_not_dicom_is_refused_whatever_its_name()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var files = await MakeStudyAsync(study, "X1", name, born, slices: 1);
        var zip = Zip([.. files, ("IM0002.dcm", Encoding.UTF8.GetBytes("Discharge summary, not an image"))]);

        var single = await (await UploadAsync(patient.Client, patient.PatientId, Encoding.UTF8.GetBytes("%PDF-1.7"), "scan.dcm")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var zipped = await (await UploadAsync(patient.Client, patient.PatientId, zip, "study.zip")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("imaging_not_dicom", "imaging_not_dicom"), (single.Code(), zipped.Code()));
        await AssertNothingStoredAsync(patient.PatientId, study);
    }

    [Fact]
    public async Task A_zip_with_an_entry_that_leaves_the_folder_is_refused_and_nothing_is_stored()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var files = await MakeStudyAsync(study, "X1", name, born, slices: 2);
        var zip = Zip([files[0], ("../../etc/" + files[1].Name, files[1].Content)]);

        var problem = await (await UploadAsync(patient.Client, patient.PatientId, zip, "study.zip")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("imaging_unsafe_archive", problem.Code());
        await AssertNothingStoredAsync(patient.PatientId, study);
    }

    [Fact]
    public async Task Another_account_gets_404_and_nothing_is_stored()
    {
        var (owner, name, born) = await PatientAsync();
        var stranger = await kit.RegisterPatientAsync();
        var study = NewUid();
        var zip = Zip(await MakeStudyAsync(study, "X1", name, born, slices: 1));

        await (await UploadAsync(stranger.Client, owner.PatientId, zip, "study.zip")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(owner.Client, owner.PatientId, zip, "study.zip", appointmentId: Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);

        await AssertNothingStoredAsync(owner.PatientId, study);
    }

    [Fact]
    public async Task A_study_the_pacs_holds_for_another_patient_is_not_shared_even_with_this_patients_name_on_it()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var hospitalCopy = Assert.Single(await MakeStudyAsync(study, "HIS-OTHER-" + NewUid()[^6..], "Other^Person", new DateOnly(1950, 5, 5), slices: 1));
        await ArchiveAsync(async a => await a.StoreAsync(new MemoryStream(hospitalCopy.Content), CancellationToken.None));

        var problem = await (await UploadAsync(patient.Client, patient.PatientId, Zip(await MakeStudyAsync(study, "X1", name, born, slices: 1)), "study.zip"))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("imaging_patient_mismatch", problem.Code());
        Assert.False(await kit.FromDatabaseAsync(db => db.SharedStudies.AnyAsync(s => s.StudyInstanceUid == study)));
        Assert.Equal(1, (await ArchiveAsync(a => a.FindStudyAsync(study, CancellationToken.None)))?.InstanceCount);
    }

    [Fact]
    public async Task A_doctor_who_treats_the_patient_shares_a_study_for_them_and_another_doctor_gets_404()
    {
        _ = TestPacs.RequiredUrl;
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var born = await kit.FromDatabaseAsync(db => db.Patients.Where(p => p.Id == patient.PatientId).Select(p => p.DateOfBirth).SingleAsync());
        var stranger = await kit.NewDoctorAsync("stranger");
        var study = NewUid();
        var zip = Zip(await MakeStudyAsync(study, "CLINIC-88", "李^娜", born, slices: 2));

        await (await UploadAsync(stranger.Client, patient.PatientId, zip, "cd.zip", doctor: true)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(patient.Client, patient.PatientId, zip, "cd.zip", doctor: true)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await AssertNothingStoredAsync(patient.PatientId, study);

        var uploaded = await (await UploadAsync(team.Lead.Client, patient.PatientId, zip, "cd.zip", doctor: true)).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, uploaded.GetProperty("stored").GetInt32());
        var listed = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/imaging/studies")).ReadJsonAsync();
        Assert.Equal("shared", Assert.Single(listed.EnumerateArray(), s => s.GetProperty("studyInstanceUid").GetString() == study).GetProperty("source").GetString());
        Assert.Equal(team.Lead.AccountId, await kit.FromDatabaseAsync(db => db.SharedStudies.Where(s => s.StudyInstanceUid == study).Select(s => s.SharedByAccountId).SingleAsync()));
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_413_before_it_is_read_and_a_missing_file_is_400()
    {
        var (patient, name, born) = await PatientAsync();
        var study = NewUid();
        var zip = Zip(await MakeStudyAsync(study, "X1", name, born, slices: 1));
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Imaging:Upload:MaxUploadBytes", "4096"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = patient.Client.DefaultRequestHeaders.Authorization;

        var tooLarge = await (await UploadAsync(client, patient.PatientId, [.. zip, .. new byte[80 * 1024]], "big.zip")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("payload_too_large", tooLarge.Code());
        await AssertNothingStoredAsync(patient.PatientId, study);

        using var noFile = new MultipartFormDataContent { { new StringContent(Guid.NewGuid().ToString()), "appointmentId" } };
        await (await patient.Client.PostAsync($"/api/patients/{patient.PatientId}/imaging/uploads", noFile)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(FamilyTestKit.TestPatient Patient, string DicomName, DateOnly Born)> PatientAsync()
    {
        _ = TestPacs.RequiredUrl;
        var patient = await kit.RegisterPatientAsync("李娜");
        var born = await kit.FromDatabaseAsync(db => db.Patients.Where(p => p.Id == patient.PatientId).Select(p => p.DateOfBirth).SingleAsync());
        return (patient, "Li^Na=李^娜", born);
    }

    private async Task AssertNothingStoredAsync(Guid patientId, string study)
    {
        Assert.Null(await ArchiveAsync(a => a.FindStudyAsync(study, CancellationToken.None)));
        Assert.False(await kit.FromDatabaseAsync(db => db.SharedStudies.AnyAsync(s => s.PatientId == patientId)));
    }

    private async Task<T> ArchiveAsync<T>(Func<IImagingArchive, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IImagingArchive>());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid patientId, byte[] content, string fileName, Guid? appointmentId = null, bool doctor = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (appointmentId is { } id)
        {
            form.Add(new StringContent(id.ToString()), "appointmentId");
        }

        return await client.PostAsync($"{(doctor ? "/api/doctor/patients" : "/api/patients")}/{patientId}/imaging/uploads", form);
    }

    private static string NewUid() => "2.25." + new System.Numerics.BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true).ToString(CultureInfo.InvariantCulture);

    /// <summary>A study of <paramref name="slices"/> secondary-capture images, each an 8×8 bitmap wrapped by dcmtk's img2dcm.</summary>
    private async Task<List<(string Name, byte[] Content)>> MakeStudyAsync(string study, string patientId, string name, DateOnly born, int slices)
    {
        var bitmap = Path.Combine(work, "slice.bmp");
        await File.WriteAllBytesAsync(bitmap, Bitmap(8, 8));
        var series = study + ".1";
        var files = new List<(string, byte[])>();
        for (var n = 1; n <= slices; n++)
        {
            var output = Path.Combine(work, $"IM{n:0000}");
            await RunAsync("img2dcm", "-i", "BMP", bitmap, output,
                "-k", $"PatientID={patientId}", "-k", $"PatientName={name}", "-k", $"PatientBirthDate={born:yyyyMMdd}",
                "-k", $"StudyInstanceUID={study}", "-k", $"SeriesInstanceUID={series}", "-k", $"SOPInstanceUID={series}.{n}",
                "-k", $"InstanceNumber={n}", "-k", "StudyDescription=CT chest outside", "-k", "Modality=CT", "-k", "SpecificCharacterSet=ISO_IR 192");
            files.Add(($"DICOM/S1/IM{n:0000}", await File.ReadAllBytesAsync(output)));
        }

        return files;
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static byte[] Bitmap(int width, int height)
    {
        var row = width * 3;
        var pixels = new byte[row * height];
        Array.Fill(pixels, (byte)128);
        var file = new byte[54 + pixels.Length];
        "BM"u8.CopyTo(file);
        BitConverter.GetBytes(file.Length).CopyTo(file, 2);
        BitConverter.GetBytes(54).CopyTo(file, 10);
        BitConverter.GetBytes(40).CopyTo(file, 14);
        BitConverter.GetBytes(width).CopyTo(file, 18);
        BitConverter.GetBytes(height).CopyTo(file, 22);
        BitConverter.GetBytes((short)1).CopyTo(file, 26);
        BitConverter.GetBytes((short)24).CopyTo(file, 28);
        BitConverter.GetBytes(pixels.Length).CopyTo(file, 34);
        pixels.CopyTo(file, 54);
        return file;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImagingUploadTests(SqliteApiFactory factory) : ImagingUploadTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImagingUploadTests(PostgresApiFactory factory) : ImagingUploadTests(factory);
