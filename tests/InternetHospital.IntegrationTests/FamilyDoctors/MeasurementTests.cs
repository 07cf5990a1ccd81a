using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

public abstract class MeasurementTests(ApiFactory factory)
{
    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task Implausible_values_are_refused_with_field_errors_and_nothing_is_saved()
    {
        var patient = await kit.RegisterPatientAsync();

        var tooHigh = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "BloodPressure", systolic = 400, diastolic = 90 });
        Assert.NotEmpty((await tooHigh.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("systolic"));

        var inverted = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "BloodPressure", systolic = 80, diastolic = 120 });
        Assert.NotEmpty((await inverted.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("diastolic"));

        var noTiming = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "BloodGlucose", glucose = 5.4 });
        Assert.NotEmpty((await noTiming.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("glucoseTiming"));

        var future = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "Weight", weightKg = 70, measuredAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.NotEmpty((await future.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("measuredAt"));

        var history = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/measurements")).ReadJsonAsync();
        Assert.Empty(history.GetProperty("items").EnumerateArray());
        Assert.Empty(await OutboxReadingsAsync(patient.PatientId));
    }

    [Fact]
    public async Task An_implausible_value_is_explained_in_the_patients_language_with_its_field_code()
    {
        var patient = await kit.RegisterPatientAsync();
        patient.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/measurements", new { kind = "BloodPressure", systolic = 120, diastolic = 300 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["blood_pressure_out_of_range"], problem.GetProperty("fieldCodes").GetProperty("diastolic").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["数值应在 20 至 200 mmHg 之间，请检查输入。"], problem.FieldErrors("diastolic"));
    }

    [Fact]
    public async Task Each_reading_goes_to_the_his_outbox_in_the_same_save_with_its_values_and_flag()
    {
        var patient = await kit.RegisterPatientAsync();

        var recorded = await FamilyTestKit.RecordAsync(patient, new { kind = "BloodPressure", systolic = 152, diastolic = 94, heartRate = 81 });

        var message = Assert.Single(await OutboxReadingsAsync(patient.PatientId));
        var payload = JsonDocument.Parse(message).RootElement;
        Assert.Equal(recorded.GetProperty("measurement").GetProperty("id").GetGuid(), payload.GetProperty("measurementId").GetGuid());
        Assert.Equal("BloodPressure", payload.GetProperty("measured").GetString());
        Assert.Equal((152, 94, 81), (payload.GetProperty("systolic").GetInt32(), payload.GetProperty("diastolic").GetInt32(), payload.GetProperty("heartRate").GetInt32()));
        Assert.Equal("OutOfTarget", payload.GetProperty("flag").GetString());
    }

    private async Task<List<string>> OutboxReadingsAsync(Guid patientId)
    {
        var payloads = new List<string>();
        await kit.InDatabaseAsync(async db => payloads.AddRange(await db.HisOutbox.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.Kind == "measurement.recorded")
            .Select(m => m.Payload)
            .ToListAsync()));
        return payloads;
    }

    [Fact]
    public async Task Readings_are_flagged_against_their_targets_and_listed_with_the_target_ranges()
    {
        var patient = await kit.RegisterPatientAsync();

        var normal = await FamilyTestKit.RecordAsync(patient, new { kind = "BloodPressure", systolic = 122, diastolic = 78, heartRate = 70 });
        Assert.Equal("Normal", normal.GetProperty("measurement").GetProperty("flag").GetString());
        Assert.Equal("None", normal.GetProperty("advice").GetString());

        var high = await FamilyTestKit.RecordAsync(patient, new { kind = "BloodGlucose", glucose = 8.2, glucoseTiming = "Fasting", measuredAt = DateTimeOffset.UtcNow.AddHours(-3) });
        Assert.Equal("OutOfTarget", high.GetProperty("measurement").GetProperty("flag").GetString());
        Assert.Equal(["glucose_high"], high.GetProperty("measurement").GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("RecheckAndTellTeam", high.GetProperty("advice").GetString());

        var history = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/measurements?days=30")).ReadJsonAsync();
        Assert.Equal(["BloodGlucose", "BloodPressure"], history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(139m, history.GetProperty("targets").GetProperty("systolic").GetProperty("max").GetDecimal());
        Assert.Equal(7.0m, history.GetProperty("targets").GetProperty("fastingGlucose").GetProperty("max").GetDecimal());
    }

    [Fact]
    public async Task A_dangerous_reading_tells_the_patient_to_seek_care_and_raises_a_live_alert_on_the_team_panel()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "黄志明");
        await using var lead = await kit.ConnectAsync(team.Lead.Email);
        await using var member = await kit.ConnectAsync(team.Member.Email);
        var leadAlert = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var memberAlert = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lead.On<JsonElement>("familyAlert", a => leadAlert.TrySetResult(a));
        member.On<JsonElement>("familyAlert", a => memberAlert.TrySetResult(a));

        var recorded = await FamilyTestKit.RecordAsync(patient, new { kind = "BloodPressure", systolic = 185, diastolic = 112 });

        Assert.Equal("SeekEmergencyCare", recorded.GetProperty("advice").GetString());
        Assert.Equal("Dangerous", recorded.GetProperty("measurement").GetProperty("flag").GetString());
        Assert.True(recorded.GetProperty("teamAlerted").GetBoolean());
        var live = await leadAlert.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(patient.PatientId, live.GetProperty("patientId").GetGuid());
        Assert.Equal(["bp_crisis"], live.GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        await memberAlert.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var alerts = await (await team.Lead.Client.GetAsync("/api/family/alerts")).ReadJsonAsync();
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("黄志明", alert.GetProperty("patientName").GetString());
        Assert.Equal(185, alert.GetProperty("reading").GetProperty("systolic").GetInt32());
        var panel = await (await team.Lead.Client.GetAsync("/api/family/panel?alerts=true")).ReadJsonAsync();
        Assert.Equal(1, Assert.Single(panel.GetProperty("items").EnumerateArray()).GetProperty("openAlerts").GetInt32());

        // The doctors' e-mail says there is an alert, not the reading.
        var mail = await Mailbox.WaitForAsync(team.Lead.Email, "预警");
        // Note: ids in the mail (a link, a reference) are random hex and may contain "185" by chance; they are masked first.
        var text = System.Text.RegularExpressions.Regex.Replace(mail.TextBody!, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<id>");
        Assert.DoesNotContain("185", text, StringComparison.Ordinal);
        Assert.DoesNotContain("112", text, StringComparison.Ordinal);
        Assert.DoesNotContain("黄志明", mail.TextBody, StringComparison.Ordinal);

        // Acknowledging closes it for the whole team, once.
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.Client.PostAsJsonAsync($"/api/family/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge", new { note = "已电话联系，已去急诊" })).StatusCode);
        Assert.Empty((await (await team.Lead.Client.GetAsync("/api/family/alerts")).ReadJsonAsync()).EnumerateArray());
        var again = await team.Lead.Client.PostAsJsonAsync($"/api/family/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge", new { note = "" });
        Assert.Equal("alert_already_acknowledged", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Very_low_glucose_is_dangerous_too_and_without_a_contract_the_patient_is_still_told_what_to_do()
    {
        var patient = await kit.RegisterPatientAsync();

        var recorded = await FamilyTestKit.RecordAsync(patient, new { kind = "BloodGlucose", glucose = 2.8, glucoseTiming = "AfterMeal" });

        Assert.Equal("SeekEmergencyCare", recorded.GetProperty("advice").GetString());
        Assert.Equal(["glucose_very_low"], recorded.GetProperty("measurement").GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        Assert.False(recorded.GetProperty("teamAlerted").GetBoolean());
        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.MeasurementAlerts.CountAsync(a => a.PatientId == patient.PatientId)));
    }

    [Fact]
    public async Task Recording_and_reading_readings_are_audit_logged()
    {
        var patient = await kit.RegisterPatientAsync();
        await FamilyTestKit.RecordAsync(patient, new { kind = "Weight", weightKg = 64.5 });
        await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/measurements")).ReadJsonAsync();

        var actions = await kit.FromDatabaseAsync(db => db.AuditEntries.Where(a => a.PatientId == patient.PatientId).Select(a => a.Action).ToListAsync());
        Assert.Contains("family.measurement.recorded", actions);
        Assert.Contains("family.measurements.read", actions);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeasurementTestsOnSqlite(SqliteApiFactory factory) : MeasurementTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class MeasurementTestsOnPostgres(PostgresApiFactory factory) : MeasurementTests(factory);
