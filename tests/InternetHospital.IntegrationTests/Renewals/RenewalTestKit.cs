using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Renewals;

/// <summary>
/// The people of a renewal, over HTTP: a fresh patient matched to the demo HIS record of 张伟 (so each test has its own
/// patient with a real medication history), the prescribing cardiologist, the pharmacist (on duty) and the admin.
/// </summary>
public sealed class RenewalTestKit(ApiFactory factory)
{
    /// <summary>张伟's record in the demo HIS: amlodipine and atorvastatin (prescribed by 李伟), clarithromycin, alprazolam, penicillin allergy.</summary>
    public const string DemoHisPatientId = "H0000001";

    public const string Amlodipine = "C08CA01-5";
    public const string Atorvastatin = "C10AA05-20";
    public const string Omeprazole = "A02BC01-20";
    public const string Clarithromycin = "J01FA09-250";
    public const string Alprazolam = "N05BA12-0.4";

    public async Task<TestPatient> PatientAsync(string fullName = "陈建国", string mobile = "13912345678", bool linkToHis = true)
    {
        var email = TestData.Email();
        var dateOfBirth = new DateOnly(1962, 5, 17);
        var registration = new
        {
            fullName,
            idType = "ResidentId",
            idNumber = TestData.ResidentId(dateOfBirth, Domain.Patients.Sex.Male),
            dateOfBirth = "1962-05-17",
            sex = "Male",
            mobile,
            email,
            password = TestData.StrongPassword,
        };
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", registration)).ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        if (linkToHis)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
            patient.LinkToHis(DemoHisPatientId);
            await db.SaveChangesAsync();
        }

        var client = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        return new TestPatient(email, client, patientId);
    }

    public Task<HttpClient> DoctorAsync(string email = "dr.li@demo.test") => factory.CreateClientAsAsync(email, TestData.DemoPassword);

    public async Task<HttpClient> PharmacistOnDutyAsync()
    {
        var pharmacist = await factory.CreateClientAsAsync("pharmacist.sun@demo.test", TestData.DemoPassword);
        await (await pharmacist.PutAsJsonAsync("/api/pharmacy/duty", new { onDuty = true })).ReadJsonAsync();
        return pharmacist;
    }

    public Task<HttpClient> AdminAsync() => factory.CreateClientAsAsync("admin.zhou@demo.test", TestData.DemoPassword);

    public async Task SetFeeAsync(decimal fee)
    {
        var admin = await AdminAsync();
        await (await admin.PutAsJsonAsync("/api/admin/renewal-settings", new { fee })).ReadJsonAsync();
    }

    /// <summary>Submits a pickup request for the medicines with these HIS codes and returns the request.</summary>
    public static async Task<JsonElement> SubmitAsync(TestPatient patient, int daysSupply = 28, string fulfilment = "Pickup", string? address = null, bool newSymptoms = false, params string[] codes)
    {
        var items = new List<object>();
        foreach (var code in codes.Length == 0 ? [Amlodipine] : codes)
        {
            items.Add(new { drugId = await patient.DrugIdAsync(code), daysSupply });
        }

        var response = await patient.Client.PostAsJsonAsync($"/api/patients/{patient.PatientId}/renewals", new
        {
            items,
            fulfilment,
            deliveryAddress = address,
            newSymptoms,
            sideEffects = false,
            hospitalStay = false,
            pregnancy = false,
        });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> StatusIsAsync(HttpResponseMessage response, string status)
    {
        var body = await response.ReadJsonAsync();
        Assert.Equal(status, body.GetProperty("status").GetString());
        return body;
    }
}

public sealed record TestPatient(string Email, HttpClient Client, Guid PatientId)
{
    public async Task<JsonElement> MedicationsAsync() => await (await Client.GetAsync($"/api/patients/{PatientId}/medications")).ReadJsonAsync();

    public async Task<Guid> DrugIdAsync(string code)
    {
        var medications = await MedicationsAsync();
        return medications.GetProperty("medications").EnumerateArray()
            .Select(m => m.GetProperty("medication"))
            .First(m => m.GetProperty("code").GetString() == code)
            .GetProperty("drugId").GetGuid();
    }

    public async Task<JsonElement> RenewalAsync(Guid id) => await (await Client.GetAsync($"/api/patients/{PatientId}/renewals/{id}")).ReadJsonAsync();
}
