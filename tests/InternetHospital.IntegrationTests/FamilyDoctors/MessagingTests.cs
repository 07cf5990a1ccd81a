using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.IntegrationTests.FamilyDoctors;

public abstract class MessagingTests(ApiFactory factory)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private readonly FamilyTestKit kit = new(factory);

    [Fact]
    public async Task A_patient_writes_the_team_reads_live_replies_and_the_patient_sees_the_read_receipt()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team, "马晓燕");
        await using var doctorLive = await kit.ConnectAsync(team.Member.Email);
        var arrived = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        doctorLive.On<JsonElement>("familyMessage", m => arrived.TrySetResult(m));

        var threadId = await FamilyTestKit.StartThreadAsync(patient, "头晕", "最近早上起床头晕，血压150/95，需要调整药物吗？");

        var live = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(threadId, live.GetProperty("threadId").GetGuid());
        Assert.False(live.TryGetProperty("body", out _));

        // The e-mail to the team says there is a message, never what it says.
        var mail = await Mailbox.WaitForAsync(team.Member.Email, "新消息");
        Assert.DoesNotContain("头晕", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("150/95", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/team-messages/{threadId}", mail.TextBody, StringComparison.Ordinal);

        var inbox = await (await team.Member.Client.GetAsync("/api/family/team-threads?unreadOnly=true")).ReadJsonAsync();
        var summary = Assert.Single(inbox.EnumerateArray());
        Assert.Equal(1, summary.GetProperty("unread").GetInt32());
        Assert.Equal("马晓燕", summary.GetProperty("patientName").GetString());
        var panel = await (await team.Lead.Client.GetAsync("/api/family/panel?unread=true")).ReadJsonAsync();
        Assert.Equal(1, Assert.Single(panel.GetProperty("items").EnumerateArray()).GetProperty("unreadMessages").GetInt32());

        await using var patientLive = await kit.ConnectAsync(patient.Email);
        var receipt = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        patientLive.On<JsonElement>("familyMessagesRead", r => receipt.TrySetResult(r));
        patientLive.On<JsonElement>("familyMessage", m => reply.TrySetResult(m));

        var read = await (await team.Member.Client.PostAsync($"/api/family/threads/{threadId}/read", null)).ReadJsonAsync();
        Assert.Equal(1, read.GetProperty("marked").GetInt32());
        await receipt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await (await team.Member.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "请连续测量三天血压，早晚各一次。" })).ReadJsonAsync(HttpStatusCode.Created);
        await reply.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var thread = await (await patient.Client.GetAsync($"/api/family/threads/{threadId}")).ReadJsonAsync();
        var messages = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.True(messages[0].GetProperty("mine").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, messages[0].GetProperty("readAt").ValueKind);
        Assert.Equal("Team", messages[1].GetProperty("side").GetString());
        Assert.Equal("测试医生", messages[1].GetProperty("senderName").GetString());
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("readAt").ValueKind);
        Assert.Equal(1, (await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/threads")).ReadJsonAsync())[0].GetProperty("unread").GetInt32());

        await Mailbox.WaitForAsync(patient.Email, "新消息");
        var audit = await kit.FromDatabaseAsync(db => db.AuditEntries.Where(a => a.PatientId == patient.PatientId).Select(a => a.Action).ToListAsync());
        Assert.Contains("family.thread.read", audit);
        Assert.Contains("family.message.sent", audit);
    }

    [Fact]
    public async Task A_doctor_of_the_team_can_start_a_conversation_with_a_signed_patient()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);

        var started = await (await team.Lead.Client.PostAsJsonAsync($"/api/family/panel/patients/{patient.PatientId}/threads", new { subject = "随访提醒", body = "请本周来社区复查血压。" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Team", started.GetProperty("mySide").GetString());
        var threads = await (await patient.Client.GetAsync($"/api/family/patients/{patient.PatientId}/threads")).ReadJsonAsync();
        var thread = Assert.Single(threads.EnumerateArray());
        Assert.Equal("随访提醒", thread.GetProperty("subject").GetString());
        Assert.Equal("请本周来社区复查血压。", thread.GetProperty("lastMessage").GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task Photos_and_pdfs_can_be_attached_other_files_and_other_peoples_files_cannot()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var threadId = await FamilyTestKit.StartThreadAsync(patient);

        var upload = await UploadAsync(patient.Client, threadId, Pdf, "化验单.pdf");
        var fileId = (await upload.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var refused = await UploadAsync(patient.Client, threadId, "just text pretending"u8.ToArray(), "report.pdf");
        Assert.NotEmpty((await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("file"));

        // Someone else's upload cannot be attached by knowing its id.
        var doctorUpload = await (await UploadAsync(team.Lead.Client, threadId, Pdf, "plan.pdf")).ReadJsonAsync(HttpStatusCode.Created);
        var stolen = await patient.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "", attachmentIds = new[] { doctorUpload.GetProperty("id").GetGuid() } });
        Assert.NotEmpty((await stolen.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("attachmentIds"));

        var sent = await (await patient.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "化验单", attachmentIds = new[] { fileId } })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("化验单.pdf", Assert.Single(sent.GetProperty("attachments").EnumerateArray()).GetProperty("fileName").GetString());

        var download = await team.Member.Client.GetAsync($"/api/family/threads/{threadId}/attachments/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var outsider = await kit.NewDoctorAsync("outsider");
        await (await outsider.Client.GetAsync($"/api/family/threads/{threadId}/attachments/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var otherThread = await FamilyTestKit.StartThreadAsync((await kit.SignedPatientAsync(team)).Patient);
        await (await team.Lead.Client.GetAsync($"/api/family/threads/{otherThread}/attachments/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_patient_with_a_contract_in_force_can_message()
    {
        var patient = await kit.RegisterPatientAsync();

        var response = await patient.Client.PostAsJsonAsync($"/api/family/patients/{patient.PatientId}/threads", new { subject = "问题", body = "你好" });

        Assert.Equal("no_family_doctor", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task Sending_is_rate_limited_per_account()
    {
        var team = await kit.NewTeamAsync();
        var (patient, _) = await kit.SignedPatientAsync(team);
        var threadId = await FamilyTestKit.StartThreadAsync(patient);

        HttpResponseMessage last = new(HttpStatusCode.OK);
        for (var i = 0; i < 25 && last.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await patient.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = $"消息 {i}" });
        }

        var problem = await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", problem.Code());
        Assert.NotNull(last.Headers.RetryAfter);

        // The limit is the sender's: the team can still write.
        await (await team.Lead.Client.PostAsJsonAsync($"/api/family/threads/{threadId}/messages", new { body = "请慢一点" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid threadId, byte[] bytes, string fileName)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        return await client.PostAsync($"/api/family/threads/{threadId}/attachments", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagingTestsOnSqlite(SqliteApiFactory factory) : MessagingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class MessagingTestsOnPostgres(PostgresApiFactory factory) : MessagingTests(factory);
