using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Domain.Patients;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Family;

/// <summary>
/// A host of its own with a clock the family tests move by days (birthdays, end dates): the shared hosts must not see
/// that. The daily job is taken out so a test shows that the guard ends access on the day by itself; tests send the
/// job's command when they want its work. Tests of a class run one after another and only move the clock forward,
/// creating their people relative to the clock's "now".
/// </summary>
public abstract class FamilyHost : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public OwnApiHost Host { get; private set; } = null!;

    protected abstract string Provider { get; }

    public async Task InitializeAsync() =>
        Host = await OwnApiHost.StartAsync(Provider, builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            var job = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "GuardianAccessJob");
            services.Remove(job);
        }));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Today in the hospital's zone (Asia/Shanghai), by the fake clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>A client signed in now (tokens follow the fake clock, so sign in again after moving it).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = TestData.StrongPassword)
    {
        var tokens = await OidcFlow.SignInAsync(Host.CreateBrowserClient(), email, password);
        var client = Host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>Registers a person with an account of their own.</summary>
    public async Task<Person> RegisterAsync(string fullName, DateOnly dateOfBirth, Sex sex, string? idNumber = null)
    {
        var email = TestData.Email("family");
        idNumber ??= TestData.ResidentId(dateOfBirth, sex);
        var response = await Host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", new
        {
            fullName,
            idType = "ResidentId",
            idNumber,
            dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = sex.ToString(),
            mobile = "13912345678",
            email,
            password = TestData.StrongPassword,
        });
        var registered = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new Person(fullName, email, idNumber, dateOfBirth, sex, registered.GetProperty("patientId").GetGuid(), registered.GetProperty("accountId").GetGuid());
    }

    public async Task<Person> RegisterAdultAsync(string fullName = "李娜") =>
        await RegisterAsync(fullName, Today.AddYears(-40).AddDays(-Random.Shared.Next(0, 3000)), Sex.Female);

    public static Task<HttpResponseMessage> AddMemberAsync(HttpClient client, string relation, string fullName, DateOnly dateOfBirth, Sex sex, string idNumber, string? email = null, string[]? scopes = null, DateOnly? accessEndsOn = null) =>
        client.PostAsJsonAsync("/api/family/members", new
        {
            relation,
            idType = "resident",
            idNumber,
            fullName,
            dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = sex.ToString(),
            email,
            scopes,
            accessEndsOn = accessEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>Adds a child without an account of their own: the client's account is their guardian at once.</summary>
    public async Task<Guid> AddChildAsync(HttpClient guardian, DateOnly dateOfBirth, string fullName = "王小明", Sex sex = Sex.Male, string? idNumber = null)
    {
        var added = await (await AddMemberAsync(guardian, "child", fullName, dateOfBirth, sex, idNumber ?? TestData.ResidentId(dateOfBirth, sex))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("active", added.GetProperty("status").GetString());
        return added.GetProperty("patientId").GetGuid();
    }

    /// <summary>The e-mail to <paramref name="to"/> whose subject contains the text: the sender sleeps on the fake clock, so nudge it a second at a time.</summary>
    public async Task<MimeKit.MimeMessage> WaitForMailAsync(string to, string subjectContains)
    {
        for (var i = 0; i < 100; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
            var found = (await Mailbox.ListAsync(to)).FirstOrDefault(m => m.Subject is not null && m.Subject.Contains(subjectContains, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }
        }

        throw new Xunit.Sdk.XunitException($"No e-mail to {to} with '{subjectContains}' in the subject arrived. Seen: [{string.Join(", ", (await Mailbox.ListAsync(to)).Select(m => m.Subject))}]");
    }

    /// <summary>The asker adds the adult as a parent; the adult accepts the invitation with these scopes.</summary>
    public async Task GrantProxyAsync(Person proxy, Person adult, string[] scopes)
    {
        await (await AddMemberAsync(await SignInAsync(proxy.Email), "parent", adult.Name, adult.DateOfBirth, adult.Sex, adult.IdNumber)).ReadJsonAsync(HttpStatusCode.Created);
        var adultClient = await SignInAsync(adult.Email);
        var notices = await (await adultClient.GetAsync("/api/notifications")).ReadJsonAsync();
        var link = notices.GetProperty("notifications").GetProperty("items").EnumerateArray()
            .First(n => n.GetProperty("kind").GetString() == Application.Family.ProxyNotifications.InvitationReceived).GetProperty("link").GetString()!;
        await (await adultClient.PostAsJsonAsync($"/api/family/invitations/{link[(link.LastIndexOf('/') + 1)..]}/accept", new { scopes })).ReadJsonAsync();
    }

    public static async Task<JsonElement> MePatientAsync(HttpClient client, Guid patientId) =>
        (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("patients").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == patientId);

    public static async Task<bool> ListsAsync(HttpClient client, Guid patientId) =>
        (await (await client.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("patients").EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == patientId);

    public static IReadOnlyList<string> Scopes(JsonElement element) => [.. element.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!)];
}

public sealed record Person(string Name, string Email, string IdNumber, DateOnly DateOfBirth, Sex Sex, Guid PatientId, Guid AccountId);

public sealed class SqliteFamilyHost : FamilyHost
{
    protected override string Provider => "Sqlite";
}

public sealed class PostgresFamilyHost : FamilyHost
{
    protected override string Provider => "PostgreSQL";
}
