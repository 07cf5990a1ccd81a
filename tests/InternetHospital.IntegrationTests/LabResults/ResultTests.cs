using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using InternetHospital.Application.Common;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.His;
using InternetHospital.Infrastructure.His.Hl7v2;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InternetHospital.IntegrationTests.LabResults;

/// <summary>
/// Lab results end to end: the HIS sends ORU^R01 over MLLP (a real TCP connection to the listener, on a free loopback
/// port, storing in the real database), and the patient reads them through HTTP. Sensitive results wait for the
/// ordering doctor; critical values notify; another patient's report is 404; an unknown patient goes to the identity review.
/// </summary>
public abstract class ResultTests(ApiFactory factory) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly FamilyTestKit kit = new(factory);
    private MllpListener listener = null!;
    private int port;

    public async Task InitializeAsync()
    {
        listener = new MllpListener(
            factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new HisInboundOptions { Port = 0, IdleTimeout = TimeSpan.FromSeconds(30) }),
            factory.Services.GetRequiredService<IOptions<HisOptions>>(),
            factory.Services.GetRequiredService<IOptions<HospitalOptions>>(),
            TimeProvider.System,
            NullLogger<MllpListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        port = (await listener.BoundAsync).Port;
    }

    public async Task DisposeAsync()
    {
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();
    }

    [Fact]
    public async Task A_report_sent_over_mllp_is_acknowledged_once_and_the_patient_reads_it_with_names_flags_ranges_and_notes()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        var controlId = NewId();
        var oru = Oru(controlId, hisId, Report(NewId(), new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)), ("LDL-C", "urn:his:lab", 4.35m, "H"), ("2823-3", "LN", 4.1m, null)));

        using var connection = await ConnectAsync();
        Assert.Equal(("AA", controlId), await SendAsync(connection, oru));
        Assert.Equal(("AA", controlId), await SendAsync(connection, oru)); // the HIS resends what it got no ACK for

        var list = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results")).ReadJsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("血脂四项", "Lipid panel", 2, 1), (item.GetProperty("nameZh").GetString(), item.GetProperty("nameEn").GetString(), item.GetProperty("valueCount").GetInt32(), item.GetProperty("abnormalCount").GetInt32()));

        var detail = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results/{item.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        var ldl = detail.GetProperty("values")[0];
        Assert.Equal(("LDL cholesterol", "13457-7", 4.35m, "mmol/L", "High"), (ldl.GetProperty("nameEn").GetString(), ldl.GetProperty("loinc").GetString(), ldl.GetProperty("value").GetDecimal(), ldl.GetProperty("unit").GetString(), ldl.GetProperty("flag").GetString()));
        Assert.Equal(3.4m, ldl.GetProperty("high").GetDecimal());
        Assert.Contains("坏胆固醇", ldl.GetProperty("noteZh").GetString(), StringComparison.Ordinal);
        Assert.Equal("13457-7", ldl.GetProperty("trendKey").GetString());
        Assert.Equal(1, await kit.FromDatabaseAsync(db => db.LabReports.CountAsync(r => r.HisPatientId == hisId)));
        Assert.True(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patient.PatientId && a.Action == "results.read")));
    }

    [Fact]
    public async Task A_message_with_several_obr_is_several_reports_stored_together_once_or_refused_whole()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        var (_, otherHis) = await LinkedPatientAsync();
        var issued = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(8));
        var lipids = Report(NewId(), issued, ("LDL-C", "urn:his:lab", 4.35m, "H"));
        var glucose = Report(NewId(), issued, ("GLU", "urn:his:lab", 5.1m, null)) with { Code = "GLU", Name = "血糖" };
        var controlId = NewId();
        var both = OruOf(controlId, hisId, lipids, glucose);

        using var connection = await ConnectAsync();
        Assert.Equal(("AA", controlId), await SendAsync(connection, both));
        Assert.Equal(("AA", controlId), await SendAsync(connection, both)); // resent: nothing new

        var items = (await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Glucose", "Lipid panel"], items.Select(i => i.GetProperty("nameEn").GetString()).Order());
        var glucoseItem = items.Single(i => i.GetProperty("nameEn").GetString() == "Glucose");
        var detail = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results/{glucoseItem.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        Assert.Equal(5.1m, Assert.Single(detail.GetProperty("values").EnumerateArray()).GetProperty("value").GetDecimal());
        Assert.Equal(
            [controlId, controlId + "#2"],
            (await kit.FromDatabaseAsync(db => db.LabReports.Where(r => r.HisPatientId == hisId).Select(r => r.MessageControlId!).ToListAsync())).Order(StringComparer.Ordinal));

        // The second report's id is another patient's: the whole message is refused and its first report not kept either.
        var taken = Report(NewId(), issued, ("K", "urn:his:lab", 4.1m, null));
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), otherHis, taken))).Code);
        var fresh = Report(NewId(), issued, ("TC", "urn:his:lab", 5.0m, null));
        Assert.Equal("AR", (await SendAsync(connection, OruOf(NewId(), hisId, fresh, taken))).Code);
        Assert.False(await kit.FromDatabaseAsync(db => db.LabReports.AnyAsync(r => r.SourceId == fresh.ReportId)));

        // A bad value in the second group: refused (AR), with the group named, and nothing stored.
        var badId = NewId();
        var bad = OruOf(badId, hisId, fresh, Report(NewId(), issued, ("K", "urn:his:lab", 4.1m, null))).Replace("|NM|K^K^urn:his:lab||4.1|", "|NM|K^K^urn:his:lab||abc|", StringComparison.Ordinal);
        var stream = connection.GetStream();
        await stream.WriteAsync(Mllp.Frame(bad));
        var ack = Hl7Message.Parse((await Mllp.ReadFrameAsync(stream, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))!);
        Assert.Equal(("AR", badId), (ack.Find("MSA")!.Get(1), ack.Find("MSA")!.Get(2)));
        Assert.Contains("OBR 2: OBX 1: 'abc' is not a number", ack.Find("ERR")!.Get(8), StringComparison.Ordinal);
        Assert.False(await kit.FromDatabaseAsync(db => db.LabReports.AnyAsync(r => r.SourceId == fresh.ReportId)));
    }

    [Fact]
    public async Task Malformed_messages_are_refused_with_ar_and_a_frame_that_is_not_mllp_closes_the_connection()
    {
        using (var connection = await ConnectAsync())
        {
            var (code, _) = await SendAsync(connection, "MSH|^~\\&|HIS|H|IH|IH|20261103||ORU^R01|BAD-1|P|2.5\rPID|1||H1^^^HIS^PI\rOBR|1||R1|GLU\rOBX|1|NM|GLU||abc\r");
            Assert.Equal("AR", code);
            Assert.Equal("AR", (await SendAsync(connection, "this is not HL7")).Code);
            Assert.Equal(("AR", "ADT-1"), await SendAsync(connection, "MSH|^~\\&|HIS|H|IH|IH|20261103||ADT^A04|ADT-1|P|2.5\rPID|1||H1^^^HIS^PI\r"));
        }

        using var broken = await ConnectAsync();
        await broken.GetStream().WriteAsync(Encoding.UTF8.GetBytes("no start block\r"));
        var buffer = new byte[16];
        Assert.Equal(0, await broken.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await kit.FromDatabaseAsync(db => db.LabReports.CountAsync(r => r.MessageControlId == "BAD-1")));
    }

    [Fact]
    public async Task Another_patients_report_is_404_and_a_report_id_of_another_patient_is_refused()
    {
        var (owner, ownerHis) = await LinkedPatientAsync();
        var (other, otherHis) = await LinkedPatientAsync();
        var reportId = NewId();
        using var connection = await ConnectAsync();
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), ownerHis, Report(reportId, DateTimeOffset.UtcNow, ("GLU", "urn:his:lab", 5.1m, null))))).Code);
        var id = (await (await owner.Client.GetAsync($"/api/patients/{owner.PatientId}/results")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        await (await other.Client.GetAsync($"/api/patients/{other.PatientId}/results/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/patients/{owner.PatientId}/results/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync($"/api/patients/{owner.PatientId}/results")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The same HIS report id for another patient: refused, and the owner's report is untouched.
        Assert.Equal("AR", (await SendAsync(connection, Oru(NewId(), otherHis, Report(reportId, DateTimeOffset.UtcNow, ("GLU", "urn:his:lab", 9.9m, "H"))))).Code);
        Assert.Empty((await (await other.Client.GetAsync($"/api/patients/{other.PatientId}/results")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var kept = await (await owner.Client.GetAsync($"/api/patients/{owner.PatientId}/results/{id}")).ReadJsonAsync();
        Assert.Equal(5.1m, kept.GetProperty("values")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_sensitive_report_waits_for_the_ordering_doctor_who_alone_can_release_it()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        var ordering = await kit.NewDoctorAsync("ordering");
        var otherDoctor = await kit.NewDoctorAsync("other");
        var licence = await kit.FromDatabaseAsync(db => db.Doctors.Where(d => d.Id == ordering.DoctorId).Select(d => d.LicenseNumber).SingleAsync());
        using var connection = await ConnectAsync();
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("HIV", "urn:his:lab", null, "N")) with { Code = "HIV", Name = "HIV抗体", OrderingDoctorLicence = licence }))).Code);

        Assert.Empty((await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        var queue = await (await ordering.Client.GetAsync("/api/doctor/results/to-release")).ReadJsonAsync();
        var waiting = Assert.Single(queue.EnumerateArray());
        Assert.Equal(patient.PatientId, waiting.GetProperty("patientId").GetGuid());
        var reportId = waiting.GetProperty("id").GetGuid();
        await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results/{reportId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await otherDoctor.Client.GetAsync("/api/doctor/results/to-release")).ReadJsonAsync()).EnumerateArray());
        await (await otherDoctor.Client.PostAsync($"/api/doctor/results/{reportId}/release", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await ordering.Client.PostAsync($"/api/doctor/results/{reportId}/release", null)).ReadJsonAsync();

        Assert.Equal(reportId, (await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("result_already_released", (await (await ordering.Client.PostAsync($"/api/doctor/results/{reportId}/release", null)).AssertProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.True(await kit.FromDatabaseAsync(db => db.Notifications.AnyAsync(n => n.Kind == ResultNotifications.Released && n.Link!.EndsWith(reportId.ToString()))));
    }

    [Fact]
    public async Task A_critical_value_tells_the_patient_by_notice_and_email_and_alerts_the_family_doctor_team()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var hisId = await LinkAsync(patient.PatientId);
        using var connection = await ConnectAsync();

        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("K", "urn:his:lab", 6.9m, "HH"))))).Code);

        var mail = await Mailbox.WaitForAsync(patient.Email, "检验结果");
        Assert.DoesNotContain("6.9", mail.TextBody, StringComparison.Ordinal);
        Assert.True(await kit.FromDatabaseAsync(db => db.Notifications.AnyAsync(n => n.Kind == ResultNotifications.CriticalForTeam && n.AccountId == team.Lead.AccountId)));
        Assert.True(await kit.FromDatabaseAsync(db => db.Notifications.AnyAsync(n => n.Kind == ResultNotifications.CriticalForTeam && n.AccountId == team.Member.AccountId)));
        var detail = (await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.True(detail.GetProperty("hasCritical").GetBoolean());
    }

    [Fact]
    public async Task A_report_for_an_unknown_patient_is_kept_and_opens_an_identity_review_and_is_shown_once_linked()
    {
        var dateOfBirth = TestData.RandomDateOfBirth();
        var residentId = TestData.ResidentId(dateOfBirth, Sex.Female);
        var email = TestData.Email();
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email, residentId, dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .ReadJsonAsync(HttpStatusCode.Created);
        var patientId = registered.GetProperty("patientId").GetGuid();
        var client = await factory.CreateClientAsAsync(email, TestData.StrongPassword);
        var hisId = "HX" + NewId()[..10];
        using var connection = await ConnectAsync();

        var oru = Hl7LabReports.Encode(NewId(), DateTimeOffset.UtcNow, new InboundPatient(hisId, residentId, "MR-" + hisId, "李娜", dateOfBirth, "Female"), Report(NewId(), DateTimeOffset.UtcNow, ("GLU", "urn:his:lab", 5.0m, null)), new HisIdentifierOptions(), Shanghai).Encode();
        Assert.Equal("AA", (await SendAsync(connection, oru)).Code);

        var review = await kit.FromDatabaseAsync(db => db.HisIdentityReviews.AsNoTracking().SingleAsync(r => r.PatientId == patientId));
        Assert.Equal((HisIdentityReviewReason.InboundResult, HisIdentityReviewStatus.Pending, hisId), (review.Reason, review.Status, review.Candidates.Single().HisPatientId));
        Assert.Empty((await (await client.GetAsync($"/api/patients/{patientId}/results")).ReadJsonAsync()).GetProperty("items").EnumerateArray());

        await kit.InDatabaseAsync(async db => (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis(hisId));
        Assert.Single((await (await client.GetAsync($"/api/patients/{patientId}/results")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_trend_of_a_value_joins_loinc_and_local_codes_oldest_first()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        using var connection = await ConnectAsync();
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)), ("13457-7", "LN", 4.4m, "H"))))).Code);
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)), ("LDL-C", "urn:his:lab", 3.1m, null))))).Code);

        var trend = await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results/trend?code=13457-7")).ReadJsonAsync();

        Assert.Equal([4.4m, 3.1m], trend.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()));
        Assert.Equal(("低密度脂蛋白胆固醇", 3.4m), (trend.GetProperty("nameZh").GetString(), trend.GetProperty("high").GetDecimal()));
        await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/results/trend")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_demo_patient_sees_the_demo_his_reports_but_not_the_sensitive_one_waiting_for_release()
    {
        var client = await factory.CreateClientAsAsync("zhangwei@demo.test", TestData.DemoPassword);
        var me = await (await client.GetAsync("/api/me")).ReadJsonAsync();
        var patientId = me.GetProperty("patients")[0].GetProperty("id").GetGuid();

        var list = await (await client.GetAsync($"/api/patients/{patientId}/results")).ReadJsonAsync();

        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("nameEn").GetString()).ToList();
        Assert.Equal(3, names.Count(n => n == "Lipid panel"));
        Assert.Contains("Metabolic panel", names);
        Assert.DoesNotContain("HIV antigen/antibody test", names);
        var trend = await (await client.GetAsync($"/api/patients/{patientId}/results/trend?code=LDL-C")).ReadJsonAsync();
        Assert.True(trend.GetProperty("points").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task My_record_is_a_fhir_bundle_with_only_released_reports_audited_refused_to_others_and_rate_limited()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        var (other, _) = await LinkedPatientAsync();
        using var connection = await ConnectAsync();
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("GLU", "urn:his:lab", 6.8m, "H"))))).Code);
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("HIV", "urn:his:lab", null, "N")) with { Code = "HIV" }))).Code);

        var response = await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/record.fhir.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("record.fhir.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bundle = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Bundle", "collection"), (bundle.GetProperty("resourceType").GetString(), bundle.GetProperty("type").GetString()));
        var types = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Single(types, t => t == "Patient");
        Assert.Single(types, t => t == "DiagnosticReport"); // the sensitive HIV report is not released yet
        Assert.Single(types, t => t == "Observation");
        Assert.True(await kit.FromDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patient.PatientId && a.Action == "record.exported")));

        await (await other.Client.GetAsync($"/api/patients/{patient.PatientId}/record.fhir.json")).AssertProblemAsync(HttpStatusCode.NotFound);
        HttpResponseMessage last = response;
        for (var i = 0; i < 5; i++)
        {
            last = await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/record.fhir.json");
        }

        Assert.Equal("rate_limited", (await last.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());
    }

    [Fact]
    public async Task My_record_as_pdf_is_in_the_callers_language_with_released_values_audited_refused_to_others_and_shares_the_rate_limit()
    {
        var (patient, hisId) = await LinkedPatientAsync();
        var (other, _) = await LinkedPatientAsync();
        using var connection = await ConnectAsync();
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("LDL-C", "urn:his:lab", 4.35m, "H"), ("ZX-9", "urn:his:lab", 1.2m, null))))).Code);
        Assert.Equal("AA", (await SendAsync(connection, Oru(NewId(), hisId, Report(NewId(), DateTimeOffset.UtcNow, ("HIV", "urn:his:lab", null, "N")) with { Code = "HIV" }))).Code);
        var name = await kit.FromDatabaseAsync(db => db.Patients.Where(p => p.Id == patient.PatientId).Select(p => p.FullName).SingleAsync());

        var chinese = await PdfTextAsync(patient.Client, patient.PatientId, "zh-CN");
        var english = await PdfTextAsync(patient.Client, patient.PatientId, "en-GB,en;q=0.8");

        foreach (var expected in new[] { "我的健康档案", name.Replace(" ", string.Empty, StringComparison.Ordinal), "检验报告", "血脂四项", "低密度脂蛋白胆固醇", "4.35", "mmol/L", "<3.4", "偏高", "ZX-9" })
        {
            Assert.Contains(expected, chinese, StringComparison.Ordinal);
        }

        foreach (var expected in new[] { "Myhealthrecord", "Labresults", "Lipidpanel", "LDLcholesterol", "4.35", "High", "ZX-9" })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("HIV", chinese, StringComparison.Ordinal); // the sensitive report is not released yet
        var audit = await kit.FromDatabaseAsync(db => db.AuditEntries.Where(a => a.PatientId == patient.PatientId && a.Action == "record.exported").Select(a => a.Detail).ToListAsync());
        Assert.Contains(audit, d => d!.StartsWith("format=pdf; language=zh-CN", StringComparison.Ordinal));
        Assert.Contains(audit, d => d!.StartsWith("format=pdf; language=en", StringComparison.Ordinal));

        await (await other.Client.GetAsync($"/api/patients/{patient.PatientId}/record.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);

        // One budget for "my record" in either form: two PDFs and three bundles use it up.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/record.fhir.json")).StatusCode);
        }

        Assert.Equal("rate_limited", (await (await patient.Client.GetAsync($"/api/patients/{patient.PatientId}/record.pdf")).AssertProblemAsync(HttpStatusCode.TooManyRequests)).Code());
    }

    /// <summary>The PDF's text as a PDF reader extracts it, whitespace removed (a reader places words by position).</summary>
    private static async Task<string> PdfTextAsync(HttpClient client, Guid patientId, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/patients/{patientId}/record.pdf");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("record.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static HisLabReport Report(string id, DateTimeOffset issued, params (string Code, string? System, decimal? Value, string? Flag)[] values) => new(
        id, "LIPID", "urn:his:lab", "血脂四项", "final", issued, "110440100012345", "李伟",
        values.Select(v => new HisLabObservation(v.Code, v.System, v.Code, v.Value, v.Value is null ? "阴性" : null, v.Value is null ? null : "mmol/L", null, v.Code is "LDL-C" or "13457-7" ? 3.4m : null, null, v.Flag, null)).ToList());

    private static string Oru(string controlId, string hisPatientId, HisLabReport report) =>
        Hl7LabReports.Encode(controlId, DateTimeOffset.UtcNow, new InboundPatient(hisPatientId, null, null, "测试", null, "Unknown"), report, new HisIdentifierOptions(), Shanghai).Encode();

    private static string OruOf(string controlId, string hisPatientId, params HisLabReport[] reports) =>
        Hl7LabReports.Encode(controlId, DateTimeOffset.UtcNow, new InboundPatient(hisPatientId, null, null, "测试", null, "Unknown"), reports, new HisIdentifierOptions(), Shanghai).Encode();

    private async Task<(FamilyTestKit.TestPatient Patient, string HisId)> LinkedPatientAsync()
    {
        var patient = await kit.RegisterPatientAsync();
        return (patient, await LinkAsync(patient.PatientId));
    }

    private async Task<string> LinkAsync(Guid patientId)
    {
        var hisId = "HT" + NewId()[..12];
        await kit.InDatabaseAsync(async db => (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis(hisId));
        return hisId;
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        return client;
    }

    private static async Task<(string Code, string ControlId)> SendAsync(TcpClient client, string message)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Mllp.Frame(message));
        var reply = await Mllp.ReadFrameAsync(stream, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var msa = Hl7Message.Parse(reply!).Find("MSA")!;
        return (msa.Get(1), msa.Get(2));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResultTests(SqliteApiFactory factory) : ResultTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResultTests(PostgresApiFactory factory) : ResultTests(factory);
