// `./bench.sh rush`: the release hour. Patients, each with their own token, poll one popular doctor's slot list;
// at one instant the admin releases the doctor's 50 slots (the timetable for that day is published), and everyone
// who sees free slots races to book one. Through the real HTTP API; verified against the database afterwards.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

internal static class Rush
{
    private const string Password = "bench password for the rush 2026";

    public static async Task<int> RunAsync(string baseUrl, string database, string output, int clientCount, int slotCount, TimeSpan pollInterval, TimeSpan before, TimeSpan limit)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        Console.Error.WriteLine("setup: admin and the popular doctor (no timetable yet)");
        var admin = await Oidc.TokenAsync(baseUrl, "admin.zhou@demo.test", "Demo-Pass-2026");
        var departments = await GetJsonAsync(http, admin, "/api/admin/departments");
        var cardiology = departments.AsArray().First(d => (string)d!["code"]! == "CARD")!["id"]!.GetValue<Guid>();
        var doctorId = await CreateDoctorAsync(http, admin, cardiology);

        // The released day: three days ahead, so with a one-week horizon the weekly session gives exactly one day.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var releaseDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(3);
        var sessionEnd = new TimeOnly(8, 0).AddMinutes(5 * slotCount);

        Console.Error.WriteLine($"setup: {clientCount} patients and their tokens");
        var setup = Stopwatch.StartNew();
        var patients = new ConcurrentBag<(int Index, Guid PatientId, string Token)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, clientCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var email = $"rush.{i}.{Guid.NewGuid():N}@example.test";
            var patientId = await RegisterAsync(http, email, ct);
            patients.Add((i, patientId, await Oidc.TokenAsync(baseUrl, email, Password)));
            if ((i + 1) % 250 == 0)
            {
                Console.Error.WriteLine($"setup: {patients.Count} patients ({setup.Elapsed.TotalSeconds:0} s)");
            }
        });
        var clients = patients.OrderBy(p => p.Index).ToArray();

        var searches = new ConcurrentBag<double>();
        var bookings = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<string, int>();
        var errors = 0;
        var booked = new ConcurrentDictionary<Guid, Guid>();
        var released = false;
        var slotsPath = $"/api/care/doctors/{doctorId}/slots?from={releaseDay:yyyy-MM-dd}&days=1";
        using var stop = new CancellationTokenSource(before + limit);
        var clock = Stopwatch.StartNew();
        TimeSpan? releasedAt = null;
        TimeSpan? allTakenAt = null;

        void Count(string what) => statuses.AddOrUpdate(what, 1, (_, n) => n + 1);

        // Each patient: look at the list every poll interval (spread over the interval, as people are); when free
        // slots show, try one at random; lost it (409): look again at once. Done when holding one or when the list,
        // after the release, is empty.
        async Task PatientAsync((int Index, Guid PatientId, string Token) client)
        {
            var random = new Random(client.Index);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * pollInterval.TotalMilliseconds));
            while (!stop.IsCancellationRequested)
            {
                List<Guid> free;
                try
                {
                    var (status, body, ms) = await SendAsync(http, HttpMethod.Get, slotsPath, client.Token, null, stop.Token);
                    searches.Add(ms);
                    Count($"search {status}");
                    if (status != 200)
                    {
                        Interlocked.Increment(ref errors);
                        await Task.Delay(pollInterval, stop.Token);
                        continue;
                    }

                    free = JsonNode.Parse(body)!["slots"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                if (free.Count == 0)
                {
                    if (Volatile.Read(ref released))
                    {
                        return;
                    }

                    try
                    {
                        await Task.Delay(pollInterval, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    continue;
                }

                var slotId = free[random.Next(free.Count)];
                try
                {
                    var (status, body, ms) = await SendAsync(http, HttpMethod.Post, "/api/appointments", client.Token, new { patientId = client.PatientId, slotId, visitType = "InPerson" }, stop.Token);
                    bookings.Add(ms);
                    Count($"book {status}");
                    if (status == 201)
                    {
                        booked[JsonNode.Parse(body)!["id"]!.GetValue<Guid>()] = slotId;
                        if (booked.Count >= slotCount)
                        {
                            allTakenAt ??= clock.Elapsed;
                        }

                        return;
                    }

                    if (status != 409)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        Console.Error.WriteLine($"rush: {clients.Length} patients poll every {pollInterval.TotalSeconds:0.#} s; the slots are released after {before.TotalSeconds:0} s");
        var running = clients.Select(c => Task.Run(() => PatientAsync(c))).ToList();
        await Task.Delay(before);
        var release = Stopwatch.StartNew();
        await ReleaseAsync(http, admin, doctorId, releaseDay.DayOfWeek, sessionEnd);
        releasedAt = clock.Elapsed;
        Volatile.Write(ref released, true);
        Console.Error.WriteLine($"rush: released ({release.Elapsed.TotalMilliseconds:0} ms)");
        await Task.WhenAll(running);
        var total = clock.Elapsed;

        // The truth, from the database.
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var releasedSlots = new List<Guid>();
        await using (var command = new NpgsqlCommand("""SELECT "Id" FROM "Slots" WHERE "DoctorId" = @doctor AND "Status" = 'Open'""", db))
        {
            command.Parameters.AddWithValue("doctor", doctorId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                releasedSlots.Add(reader.GetGuid(0));
            }
        }

        var stored = new List<(Guid Id, Guid SlotId)>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "SlotId" FROM "Appointments" WHERE "DoctorId" = @doctor AND "Status" <> 'Cancelled'""", db))
        {
            command.Parameters.AddWithValue("doctor", doctorId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        var doubles = stored.GroupBy(s => s.SlotId).Count(g => g.Count() > 1);

        // Lost: a booking acknowledged (201) but not stored on its slot, one stored that nobody was told of, or a
        // released slot nobody got although patients were still trying when the run ended.
        var storedById = stored.ToDictionary(s => s.Id, s => s.SlotId);
        var lost = booked.Count(b => !storedById.TryGetValue(b.Key, out var slot) || slot != b.Value)
            + stored.Count(s => !booked.ContainsKey(s.Id))
            + Math.Max(0, Math.Min(releasedSlots.Count, clients.Length) - stored.Select(s => s.SlotId).Distinct().Count());

        static double Percentile(IEnumerable<double> values, double p)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        }

        var result = new JsonObject
        {
            ["clients"] = clients.Length,
            ["slots"] = releasedSlots.Count,
            ["booked"] = stored.Count,
            ["double"] = doubles,
            ["lost"] = lost,
            ["search_p50_ms"] = Percentile(searches, 0.50),
            ["search_p99_ms"] = Percentile(searches, 0.99),
            ["book_p50_ms"] = Percentile(bookings, 0.50),
            ["book_p99_ms"] = Percentile(bookings, 0.99),
            ["errors"] = errors,
            ["searches"] = searches.Count,
            ["booking_attempts"] = bookings.Count,
            ["search_rps"] = Math.Round(searches.Count / total.TotalSeconds, 1),
            ["seconds_to_all_taken"] = allTakenAt is { } t && releasedAt is { } r ? Math.Round((t - r).TotalSeconds, 2) : null,
            ["seconds"] = Math.Round(total.TotalSeconds, 1),
            ["setup_seconds"] = Math.Round(setup.Elapsed.TotalSeconds, 1),
            ["poll_interval_ms"] = pollInterval.TotalMilliseconds,
            ["responses"] = new JsonObject(statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        };
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.Error.WriteLine($"rush: {result["responses"]!.ToJsonString()}");
        return 0;
    }

    private static async Task<(int Status, string Body, double Ms)> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return ((int)response.StatusCode, text, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return (0, string.Empty, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string token, string path)
    {
        var (status, body, _) = await SendAsync(http, HttpMethod.Get, path, token, null, CancellationToken.None);
        return status == 200 ? JsonNode.Parse(body)! : throw new InvalidOperationException($"GET {path}: {status} {body}");
    }

    private static async Task<Guid> RegisterAsync(HttpClient http, string email, CancellationToken cancellationToken)
    {
        var born = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18000));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(110000, 660000)}{born:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var check = "10X98765432"[first17.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
        using var response = await http.PostAsJsonAsync("/api/account/register", new
        {
            fullName = "抢号患者",
            idType = "ResidentId",
            idNumber = first17 + check,
            dateOfBirth = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = "Female",
            mobile = "13900000000",
            email,
            password = Password,
        }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return response.StatusCode == HttpStatusCode.Created
            ? body!["patientId"]!.GetValue<Guid>()
            : throw new InvalidOperationException($"registration failed: {(int)response.StatusCode} {body}");
    }

    private static async Task<Guid> CreateDoctorAsync(HttpClient http, string admin, Guid departmentId)
    {
        var (status, body, _) = await SendAsync(http, HttpMethod.Post, "/api/admin/doctors", admin, new
        {
            email = $"rush.doctor.{Guid.NewGuid():N}@example.test",
            mobile = "13800000000",
            initialPassword = Password,
            profile = new
            {
                fullName = "名医", departmentId, title = "主任医师", titleEn = "Chief Physician", isFamilyDoctor = false,
                specialties = "", specialtiesEn = "", bio = "", bioEn = "", languages = new[] { "zh-CN" }, inPersonFee = 50m, videoFee = 40m,
                licenseNumber = "110440100000001", practiceSinceYear = 2000, offersVideoVisits = false,
            },
        }, CancellationToken.None);
        return status == 201 ? JsonNode.Parse(body)!["id"]!.GetValue<Guid>() : throw new InvalidOperationException($"doctor: {status} {body}");
    }

    /// <summary>The release: the doctor's timetable gains the session of the released day (one transaction).</summary>
    private static async Task ReleaseAsync(HttpClient http, string admin, Guid doctorId, DayOfWeek day, TimeOnly end)
    {
        var sessions = new[] { new { day = day.ToString(), start = "08:00:00", end = end.ToString("HH:mm:ss", CultureInfo.InvariantCulture), slotMinutes = 5, inPerson = true, video = false } };
        var (status, body, _) = await SendAsync(http, HttpMethod.Put, $"/api/admin/doctors/{doctorId}/schedule", admin, new { sessions }, CancellationToken.None);
        if (status != 200)
        {
            throw new InvalidOperationException($"release: {status} {body}");
        }
    }
}
