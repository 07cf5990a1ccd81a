// The load generator of `./bench.sh booking` (and, with --rush, of `./bench.sh rush`: see Rush.cs): sets up doctors, timetables and 200 patients with their own tokens
// through the real API, then races 200 clients for 100 open slots and runs 20 s of bookings on distinct slots.
// Writes the measured figures as JSON; bench.sh adds the pgbench comparison and prints the line.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

var options = Args.Parse(args);
if (args.Contains("--rush"))
{
    int Number(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    return await Rush.RunAsync(options.BaseUrl, options.Database, options.Output, Number("--clients", 2000), Number("--slots", 50),
        TimeSpan.FromMilliseconds(Number("--poll-ms", 1000)), TimeSpan.FromSeconds(Number("--before", 5)), TimeSpan.FromSeconds(Number("--limit", 60)));
}

var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 1024,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AllowAutoRedirect = false,
    UseCookies = false,
})
{ BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
const int Clients = 200;
const int RaceSlots = 100;
const int Doctors = 10;
const string Password = "bench password for booking 2026";

Console.Error.WriteLine("setup: admin, doctors and timetables");
var admin = await Oidc.TokenAsync(options.BaseUrl, "admin.zhou@demo.test", "Demo-Pass-2026");
var departments = await GetAsync(admin, "/api/admin/departments");
var cardiology = departments.AsArray().First(d => (string)d!["code"]! == "CARD")!["id"]!.GetValue<Guid>();
var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);

// Race doctor: 100 five-minute slots a day (08:00-16:20). Sustained doctors: 20 a day each (08:00-09:40).
var raceDoctor = await CreateDoctorAsync("08:00:00", "16:20:00");
var sustainedDoctors = new List<Guid>();
for (var i = 0; i < Doctors; i++)
{
    sustainedDoctors.Add(await CreateDoctorAsync("08:00:00", "09:40:00"));
}

Console.Error.WriteLine($"setup: {Clients} patients and their tokens");
var patients = new ConcurrentBag<(int Index, Guid PatientId, string Token)>();
await Parallel.ForEachAsync(Enumerable.Range(0, Clients), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
{
    var email = $"bench.{i}.{Guid.NewGuid():N}@example.test";
    var born = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18000));
    var first17 = string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(110000, 660000)}{born:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}");
    var register = await http.PostAsJsonAsync("/api/account/register", new
    {
        fullName = "压测患者",
        idType = "ResidentId",
        idNumber = first17 + CheckCharacter(first17),
        dateOfBirth = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        sex = "Female",
        mobile = "13900000000",
        email,
        password = Password,
    }, ct);
    var body = await register.Content.ReadFromJsonAsync<JsonObject>(ct);
    if (register.StatusCode != HttpStatusCode.Created)
    {
        throw new InvalidOperationException($"registration failed: {(int)register.StatusCode} {body}");
    }

    patients.Add((i, body!["patientId"]!.GetValue<Guid>(), await Oidc.TokenAsync(options.BaseUrl, email, Password)));
});
var clients = patients.OrderBy(p => p.Index).ToArray();

Console.Error.WriteLine("setup: reading the free slots");
var raceSlotIds = (await GetAsync(admin, $"/api/care/doctors/{raceDoctor}/slots?from={tomorrow:yyyy-MM-dd}&days=1"))["slots"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
if (raceSlotIds.Count != RaceSlots)
{
    throw new InvalidOperationException($"expected {RaceSlots} race slots, found {raceSlotIds.Count}");
}

// sustained[doctor][day] = that day's slot ids in time order; client c books (doctor (c+t)%D, day t, index c/D): distinct slots,
// never two at the same time for one patient, one per doctor per day.
var sustained = new Dictionary<Guid, Dictionary<DateOnly, List<Guid>>>();
foreach (var doctor in sustainedDoctors)
{
    var byDay = new Dictionary<DateOnly, List<Guid>>();
    for (var from = tomorrow.AddDays(1); from < tomorrow.AddDays(options.Days); from = from.AddDays(31))
    {
        var list = await GetAsync(admin, $"/api/care/doctors/{doctor}/slots?from={from:yyyy-MM-dd}&days=31");
        foreach (var slot in list["slots"]!.AsArray())
        {
            var day = DateOnly.Parse((string)slot!["localDate"]!, CultureInfo.InvariantCulture);
            (byDay.TryGetValue(day, out var ids) ? ids : byDay[day] = []).Add(slot["id"]!.GetValue<Guid>());
        }
    }

    sustained[doctor] = byDay;
}

var days = sustained.Values.Min(d => d.Count);
Console.Error.WriteLine($"setup done: {raceSlotIds.Count} race slots, {Doctors} doctors x {days} days for the sustained phase");

// Phase 1: 200 clients race for 100 slots, each trying slots in its own random order until it holds one.
var raceBooked = new ConcurrentDictionary<Guid, Guid>();
var raceResponses = new ConcurrentDictionary<int, int>();
using (var go = new SemaphoreSlim(0))
{
    var racers = clients.Select(async client =>
    {
        var candidates = raceSlotIds.OrderBy(_ => Random.Shared.Next()).ToList();
        await go.WaitAsync();
        while (candidates.Count > 0)
        {
            var slot = candidates[0];
            var (status, id, _) = await BookAsync(client.Token, client.PatientId, slot);
            raceResponses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status == 201)
            {
                raceBooked[id!.Value] = slot;
                return;
            }

            if (status != 409)
            {
                throw new InvalidOperationException($"race: unexpected {status}");
            }

            // Like a person who lost a slot: look at what is still free and try one of those.
            var free = (await GetAsync(client.Token, $"/api/care/doctors/{raceDoctor}/slots?from={tomorrow:yyyy-MM-dd}&days=1"))["slots"]!.AsArray()
                .Select(s => s!["id"]!.GetValue<Guid>()).ToHashSet();
            candidates = candidates.Where(free.Contains).ToList();
        }
    }).ToList();
    go.Release(clients.Length);
    await Task.WhenAll(racers);
}

Console.Error.WriteLine($"race: {raceBooked.Count} booked; responses {string.Join(", ", raceResponses.OrderBy(r => r.Key).Select(r => $"{r.Key}x{r.Value}"))}");

// Phase 2: 20 s of bookings on distinct slots by all 200 clients at once.
var latencies = new ConcurrentBag<double>();
var sustainedBooked = new ConcurrentDictionary<Guid, Guid>();
var sustainedErrors = new ConcurrentDictionary<int, int>();
var duration = TimeSpan.FromSeconds(options.Seconds);
var clock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select(async client =>
{
    var c = client.Index;
    for (var t = 0; t < days && clock.Elapsed < duration; t++)
    {
        var doctor = sustainedDoctors[(c + t) % Doctors];
        var day = sustained[doctor].Keys.Order().ElementAt(t);
        var ids = sustained[doctor][day];
        var index = c / Doctors;
        if (index >= ids.Count)
        {
            continue;
        }

        var (status, id, ms) = await BookAsync(client.Token, client.PatientId, ids[index]);
        latencies.Add(ms);
        if (status == 201)
        {
            sustainedBooked[id!.Value] = ids[index];
        }
        else
        {
            sustainedErrors.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    }
}));
var elapsed = Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds + 5);
var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
Console.Error.WriteLine($"sustained: {sustainedBooked.Count} booked in {elapsed:0.0} s; errors {string.Join(", ", sustainedErrors.Select(e => $"{e.Key}x{e.Value}"))}");

// Reference in the same run: the same 200 clients on an authenticated endpoint that touches no database
// (token validation, routing, the mediator, JSON), to show how much of a booking's cost is the HTTP/auth floor.
var baselineCount = 0;
var baselineClock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select(async client =>
{
    while (baselineClock.Elapsed < TimeSpan.FromSeconds(5))
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/care/hospital");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        Interlocked.Increment(ref baselineCount);
    }
}));
var baselineRps = baselineCount / baselineClock.Elapsed.TotalSeconds;
Console.Error.WriteLine($"baseline: {baselineRps:0} authenticated GET/s without the database");

// Verification straight from the database: no slot with two live appointments, no acknowledged booking missing.
await using var db = new NpgsqlConnection(options.Database);
await db.OpenAsync();
var allSlots = raceSlotIds.Concat(sustainedBooked.Values).ToArray();
long doubles;
await using (var command = new NpgsqlCommand("""SELECT count(*) FROM (SELECT "SlotId" FROM "Appointments" WHERE "SlotId" = ANY(@slots) AND "Status" <> 'Cancelled' GROUP BY "SlotId" HAVING count(*) > 1) d""", db))
{
    command.Parameters.AddWithValue("slots", allSlots);
    doubles = (long)(await command.ExecuteScalarAsync())!;
}

var acknowledged = raceBooked.Concat(sustainedBooked).ToDictionary(p => p.Key, p => p.Value);
var stored = new Dictionary<Guid, Guid>();
await using (var command = new NpgsqlCommand("""SELECT "Id", "SlotId" FROM "Appointments" WHERE "SlotId" = ANY(@slots) AND "Status" <> 'Cancelled'""", db))
{
    command.Parameters.AddWithValue("slots", allSlots);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        stored[reader.GetGuid(0)] = reader.GetGuid(1);
    }
}

// Lost: acknowledged (201) but not stored on its slot, or stored on a raced slot without anyone having been told.
var lost = acknowledged.Count(a => !stored.TryGetValue(a.Key, out var slot) || slot != a.Value)
    + stored.Count(s => raceSlotIds.Contains(s.Value) && !acknowledged.ContainsKey(s.Key));

var result = new JsonObject
{
    ["slots"] = RaceSlots,
    ["clients"] = Clients,
    ["booked"] = raceBooked.Count,
    ["double"] = doubles,
    ["lost"] = lost,
    ["rps"] = Math.Round(sustainedBooked.Count / elapsed, 1),
    ["p50_ms"] = Math.Round(Percentile(0.50), 1),
    ["p99_ms"] = Math.Round(Percentile(0.99), 1),
    ["sustained_seconds"] = Math.Round(elapsed, 1),
    ["sustained_bookings"] = sustainedBooked.Count,
    ["sustained_refused"] = sustainedErrors.Values.Sum(),
    ["auth_only_rps"] = Math.Round(baselineRps, 1),
    ["race_responses"] = new JsonObject(raceResponses.OrderBy(r => r.Key).Select(r => KeyValuePair.Create(r.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)r.Value))),
};
await File.WriteAllTextAsync(options.Output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
return 0;

async Task<(int Status, Guid? Id, double Ms)> BookAsync(string token, Guid patientId, Guid slotId)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments")
    {
        Content = JsonContent.Create(new { patientId, slotId, visitType = "InPerson" }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var status = (int)response.StatusCode;
    return (status, status == 201 ? JsonNode.Parse(body)!["id"]!.GetValue<Guid>() : null, ms);
}

async Task<JsonNode> GetAsync(string token, string path)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    var body = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode ? JsonNode.Parse(body)! : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
}

async Task<Guid> CreateDoctorAsync(string start, string end)
{
    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/doctors")
    {
        Content = JsonContent.Create(new
        {
            email = $"bench.doctor.{Guid.NewGuid():N}@example.test",
            mobile = "13800000000",
            initialPassword = Password,
            profile = new
            {
                fullName = "压测医生", departmentId = cardiology, title = "主治医师", titleEn = "Attending Physician", isFamilyDoctor = false,
                specialties = "", specialtiesEn = "", bio = "", bioEn = "", languages = new[] { "zh-CN" }, inPersonFee = 50m, videoFee = 40m,
                licenseNumber = "110440100000000", practiceSinceYear = 2010, offersVideoVisits = false,
            },
        }),
    };
    create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
    using var created = await http.SendAsync(create);
    var doctorId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
    using var schedule = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/doctors/{doctorId}/schedule")
    {
        Content = JsonContent.Create(new { sessions = Enum.GetNames<DayOfWeek>().Select(day => new { day, start, end, slotMinutes = 5, inPerson = true, video = false }) }),
    };
    schedule.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
    using var scheduled = await http.SendAsync(schedule);
    if (!scheduled.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"timetable: {(int)scheduled.StatusCode} {await scheduled.Content.ReadAsStringAsync()}");
    }

    return doctorId;
}

static char CheckCharacter(string first17)
{
    int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
    return "10X98765432"[sum % 11];
}

internal sealed record Args(string BaseUrl, string Database, string Output, int Seconds, int Days)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string? fallback = null) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");
        return new Args(Value("--base"), Value("--db"), Value("--out"), int.Parse(Value("--seconds", "20"), CultureInfo.InvariantCulture), int.Parse(Value("--days", "180"), CultureInfo.InvariantCulture));
    }
}

/// <summary>What the SPA does to get a token: password to /api/account/login (cookie), /connect/authorize with PKCE, /connect/token.</summary>
internal static class Oidc
{
    public static async Task<string> TokenAsync(string baseUrl, string email, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var login = await browser.PostAsJsonAsync("/api/account/login", new { email, password });
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in of {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        }

        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirect = $"{baseUrl}/auth/callback";
        var authorize = await browser.GetAsync($"/connect/authorize?client_id=internet-hospital-spa&redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&scope={Uri.EscapeDataString("openid profile email roles offline_access api")}&code_challenge={challenge}&code_challenge_method=S256&state=bench");
        var location = authorize.Headers.Location ?? throw new InvalidOperationException($"authorize: {(int)authorize.StatusCode} {await authorize.Content.ReadAsStringAsync()}");
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"];
        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "internet-hospital-spa",
            ["redirect_uri"] = redirect,
            ["code"] = code!,
            ["code_verifier"] = verifier,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonObject>();
        return (string?)body?["access_token"] ?? throw new InvalidOperationException($"token: {body}");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
