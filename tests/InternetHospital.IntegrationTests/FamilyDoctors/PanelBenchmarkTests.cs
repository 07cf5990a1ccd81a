using System.Diagnostics;
using System.Globalization;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Patients;
using InternetHospital.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

/// <summary>
/// The panel of a family doctor with 2,000 signed patients (and their readings, follow-ups, alerts and messages), asked
/// through HTTP on SQLite the way the SPA asks it. Prints the timing; CI does not fail on time (machines differ), the
/// figure is for people: the target is well under 200 ms.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class PanelBenchmarkTests(SqliteApiFactory factory, ITestOutputHelper output)
{
    private const int Patients = 2000;

    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task The_panel_of_2000_signed_patients_pages_filters_and_sorts_quickly()
    {
        var team = await kit.NewTeamAsync();
        await SeedAsync(team);

        string[] queries =
        [
            string.Empty,
            "sort=name",
            "sort=nextFollowUp&page=40",
            "sort=lastReading&descending=true",
            "abnormal=true",
            "overdue=true&sort=risk&descending=true",
            "condition=diabetes&risk=High",
            "unread=true",
            "alerts=true",
            "search=患者1",
        ];
        foreach (var query in queries)
        {
            await (await team.Lead.Client.GetAsync($"/api/family/panel?{query}")).ReadJsonAsync();
        }

        var timings = new List<double>();
        var perQuery = queries.ToDictionary(q => q, _ => new List<double>());
        for (var round = 0; round < 5; round++)
        {
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                var response = await team.Lead.Client.GetAsync($"/api/family/panel?{query}");
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                Assert.True(response.IsSuccessStatusCode, query);
                timings.Add(watch.Elapsed.TotalMilliseconds);
                perQuery[query].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        foreach (var (query, times) in perQuery)
        {
            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"panel query '{query}': median_ms={Percentile(times, 0.5):0.0} max_ms={times[^1]:0.0}"));
        }

        var all = await (await team.Lead.Client.GetAsync("/api/family/panel?pageSize=100")).ReadJsonAsync();
        Assert.Equal(Patients, all.GetProperty("total").GetInt32());
        Assert.Equal(100, all.GetProperty("items").GetArrayLength());

        timings.Sort();
        var line = string.Create(CultureInfo.InvariantCulture, $"panel: patients={Patients} p50_ms={Percentile(timings, 0.50):0.0} p95_ms={Percentile(timings, 0.95):0.0}");

        // Note: both, so the figure shows in the test log and in the console of ./test.sh.
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>2,000 signed patients straight into the database (the API would take minutes to do it).</summary>
    private async Task SeedAsync(FamilyTestKit.TestTeam team)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(2026);
        string[][] conditionSets = [[ChronicConditions.Hypertension], [ChronicConditions.Diabetes], [ChronicConditions.Hypertension, ChronicConditions.Diabetes], [ChronicConditions.CoronaryHeartDisease], []];
        for (var batch = 0; batch < Patients / 500; batch++)
        {
            await kit.InDatabaseAsync(db =>
            {
                for (var i = batch * 500; i < (batch + 1) * 500; i++)
                {
                    var hash = Guid.NewGuid().ToString("N");
                    var patient = Patient.Register(
                        $"患者{i:0000}",
                        IdDocumentType.ResidentId,
                        new ProtectedIdentifier("benchmark", hash, $"1101**********{i % 10000:0000}"),
                        new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 60)),
                        i % 2 == 0 ? Sex.Male : Sex.Female,
                        "13900000000",
                        now);
                    db.Patients.Add(patient);
                    var accepted = now.AddDays(-random.Next(1, 360));
                    var contract = FamilyContract.Apply(patient.Id, team.TeamId, team.PackageId, team.Lead.AccountId, null, accepted.AddDays(-1));
                    contract.Accept(team.Lead.DoctorId, team.Lead.AccountId, accepted);
                    db.FamilyContracts.Add(contract);
                    var conditions = conditionSets[i % conditionSets.Length];
                    var profile = CareProfile.Create(patient.Id, conditions, accepted);
                    profile.Assess((RiskLevel)(1 + (i % 3)), conditions, team.Lead.DoctorId, accepted);
                    db.CareProfiles.Add(profile);

                    var started = DateOnly.FromDateTime(accepted.UtcDateTime);
                    db.FollowUpPlans.Add(FollowUpPlan.Start(FollowUpTemplates.HypertensionReview, patient.Id, contract.Id, null, started.AddDays(random.Next(0, 180)), started, accepted));

                    for (var r = 0; r < 3; r++)
                    {
                        var systolic = i % 40 == 0 && r == 2 ? 186 : random.Next(105, 160);
                        var reading = HomeMeasurement.Record(patient.Id, team.Lead.AccountId, new MeasurementValues(MeasurementKind.BloodPressure, systolic, random.Next(65, 95), random.Next(55, 100)), now.AddDays(-r * 5).AddHours(-random.Next(0, 24)), null, now);
                        db.HomeMeasurements.Add(reading);
                        if (reading.IsDangerous)
                        {
                            db.MeasurementAlerts.Add(MeasurementAlert.Raise(reading, contract, now));
                        }
                    }

                    if (i % 10 == 0)
                    {
                        var thread = MessageThread.Start(contract, "问题", MessageSide.Patient, team.Lead.AccountId, now);
                        db.MessageThreads.Add(thread);
                        db.FamilyMessages.Add(thread.Post(contract, MessageSide.Patient, team.Lead.AccountId, $"患者{i:0000}", "医生您好", [], now));
                    }
                }

                return Task.CompletedTask;
            });
        }
    }
}
