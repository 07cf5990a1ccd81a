using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>
/// Fresh people for family-doctor tests: patients registered through the API, and family-doctor teams of their own
/// (a new doctor account each), so tests on the shared hosts never see each other's panels.
/// </summary>
public sealed class FamilyTestKit(ApiFactory factory)
{
    public sealed record TestPatient(string Email, HttpClient Client, Guid PatientId);

    public sealed record TestTeam(Guid TeamId, Guid PackageId, TestDoctor Lead, TestDoctor Member);

    public sealed record TestDoctor(string Email, HttpClient Client, Guid DoctorId, Guid AccountId);

    public async Task<TestPatient> RegisterPatientAsync(string fullName = "李娜")
    {
        var email = TestData.Email();
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, fullName: fullName)))
            .ReadJsonAsync(HttpStatusCode.Created);
        return new TestPatient(email, await factory.CreateClientAsAsync(email, TestData.StrongPassword), registered.GetProperty("patientId").GetGuid());
    }

    /// <summary>A new family-doctor team at the demo community centre with a new lead and a new member.</summary>
    public async Task<TestTeam> NewTeamAsync(string packageCode = "hypertension")
    {
        Guid teamId;
        Guid packageId;
        var lead = await NewDoctorAsync("lead");
        var member = await NewDoctorAsync("member");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var department = await db.Departments.SingleAsync(d => d.Code == "GP");
            var team = FamilyDoctorTeam.Create(department.FacilityId, department.Id, "测试团队 " + Guid.NewGuid().ToString("N")[..6], "Test team", "测试", "Test", lead.DoctorId);
            team.AddMember(member.DoctorId);
            db.FamilyTeams.Add(team);
            await db.SaveChangesAsync();
            teamId = team.Id;
            packageId = await db.ServicePackages.Where(p => p.Code == packageCode).Select(p => p.Id).SingleAsync();
        }

        return new TestTeam(teamId, packageId, lead, member);
    }

    public async Task<TestDoctor> NewDoctorAsync(string prefix = "doctor")
    {
        var email = TestData.Email("dr-" + prefix);
        Guid doctorId;
        Guid accountId;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                Id = Domain.Common.NewId.Next(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = "测试医生",
                PhoneNumber = "13800009999",
                CreatedAt = DateTimeOffset.UtcNow,
                LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(account, TestData.StrongPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, Roles.Doctor)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var department = await db.Departments.SingleAsync(d => d.Code == "GP");
            var doctor = Doctor.Create(account.Id, department.Id, "测试医生", "主治医师", "Attending Physician", true, "1104401" + Random.Shared.Next(10_000_000, 99_999_999), 2015);
            db.Doctors.Add(doctor);
            await db.SaveChangesAsync();
            doctorId = doctor.Id;
            accountId = account.Id;
        }

        return new TestDoctor(email, await factory.CreateClientAsAsync(email, TestData.StrongPassword), doctorId, accountId);
    }

    /// <summary>The patient applies to the team; returns the contract id.</summary>
    public static async Task<Guid> ApplyAsync(TestPatient patient, TestTeam team, string? note = null)
    {
        var contract = await (await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/contracts", new { teamId = team.TeamId, packageId = team.PackageId, note }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return contract.GetProperty("id").GetGuid();
    }

    /// <summary>A new patient signed with the team (applied and accepted by the lead).</summary>
    public async Task<(TestPatient Patient, Guid ContractId)> SignedPatientAsync(TestTeam team, string fullName = "李娜")
    {
        var patient = await RegisterPatientAsync(fullName);
        var contractId = await ApplyAsync(patient, team);
        await (await team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null)).ReadJsonAsync();
        return (patient, contractId);
    }

    public static async Task<JsonElement> RecordAsync(TestPatient patient, object reading, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", reading)).ReadJsonAsync(expected);

    public static async Task<Guid> StartThreadAsync(TestPatient patient, string subject = "血压问题", string body = "医生您好，我最近头晕。")
    {
        var thread = await (await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/threads", new { subject, body }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return thread.GetProperty("id").GetGuid();
    }

    /// <summary>Changes the database directly (e.g. to move a contract's dates), in a scope of its own.</summary>
    public async Task InDatabaseAsync(Func<AppDbContext, Task> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    public async Task<T> FromDatabaseAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A live connection as the account's browser has it (the notifications hub).</summary>
    public async Task<HubConnection> ConnectAsync(string email, string password = TestData.StrongPassword)
    {
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/notifications"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult<string?>(tokens.AccessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
