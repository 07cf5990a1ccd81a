using System.Net;
using System.Net.Http.Json;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.VideoVisits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Family;

/// <summary>The proxy matrix for changes: every patient-facing POST, PUT and DELETE of the route table.</summary>
public abstract partial class FamilyMemberTests
{
    /// <summary>
    /// Account-level endpoints (the account itself, its notifications, and the family management that has its own tests
    /// above): they do not act for a patient.
    /// </summary>
    private static readonly string[] NotActingForAPatient = ["/api/account", "/api/me", "/api/notifications", "/api/family/members", "/api/family/invitations", "/api/family/proxies"];

    /// <summary>
    /// Every patient-facing change (POST/PUT/DELETE for the Patient role) answers 404 to a proxy without the scope, a
    /// revoked proxy and a guardian whose child turned 18, with a minimal valid body and the patient's real records
    /// (so the 404 is the grant's answer, not validation's or a missing record's), and changes nothing; the proxy with
    /// every scope gets past the same requests (never 400, never 404 where the records are real). An endpoint added to
    /// the route table without a request here fails the test.
    /// </summary>
    [Fact]
    public async Task Every_patient_facing_change_refuses_a_proxy_without_the_scope_a_revoked_proxy_and_an_expired_guardian_and_changes_nothing()
    {
        var adult = await family.RegisterAsync("钱国华", family.Today.AddYears(-70), Sex.Male);
        var full = await family.RegisterAdultAsync("钱晓");
        var paymentsOnly = await family.RegisterAdultAsync("钱敏");
        var revoked = await family.RegisterAdultAsync("钱华");
        await family.GrantProxyAsync(full, adult, AllScopes);
        await family.GrantProxyAsync(paymentsOnly, adult, ["payments"]);
        await family.GrantProxyAsync(revoked, adult, AllScopes);
        var adultClient = await family.SignInAsync(adult.Email);
        var proxies = await (await adultClient.GetAsync("/api/family/proxies")).ReadJsonAsync();
        var revokedAccess = proxies.EnumerateArray().Single(p => p.GetProperty("accountId").GetGuid() == revoked.AccountId).GetProperty("accessId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await adultClient.DeleteAsync($"/api/family/proxies/{revokedAccess}")).StatusCode);

        var guardian = await family.RegisterAdultAsync("钱丽");
        var guardianClient = await family.SignInAsync(guardian.Email);
        var child = await family.AddChildAsync(guardianClient, family.Today.AddYears(-18).AddDays(1), "钱小军");

        // Real records of each patient: a paid video visit, a renewal request, free slots to book and move to.
        var adultRecords = await RecordsOfAsync(adultClient, adult.AccountId, adult.PatientId);
        var childRecords = await RecordsOfAsync(guardianClient, guardian.AccountId, child);
        family.Clock.Advance(TimeSpan.FromDays(2));

        var writes = PatientWrites().ToList();
        var missing = writes.Where(w => !WriteRequests.ContainsKey(w)).ToList();
        Assert.True(missing.Count == 0, "Add a minimal valid request for: " + string.Join(", ", missing));
        Assert.True(writes.Count >= 15, string.Join(", ", writes));

        var refused = new (string Name, HttpClient Client, Records Records, PatientScope Holds)[]
        {
            ("proxy with payments only", await family.SignInAsync(paymentsOnly.Email), adultRecords, PatientScope.Payments),
            ("revoked proxy", await family.SignInAsync(revoked.Email), adultRecords, PatientScope.None),
            ("guardian of a child now 18", await family.SignInAsync(guardian.Email), childRecords, PatientScope.None),
        };
        var before = await SnapshotAsync(adult.PatientId, child);
        var failures = new List<string>();
        foreach (var (name, client, records, holds) in refused)
        {
            foreach (var write in writes)
            {
                var response = await client.SendAsync(WriteRequests[write](records));

                // Note: paying is what the payments scope is for: the payments-only proxy gets past the guard there
                // (and the fee is already paid or not due yet, so nothing changes).
                var scopeHeld = holds.HasFlag(PatientScope.Payments) && PaymentWrites.Contains(write);
                if (scopeHeld ? response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest || (int)response.StatusCode >= 500 : response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{write} as {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await SnapshotAsync(adult.PatientId, child));

        // The same requests get past the guard and validation for the proxy holding every scope.
        var allowed = await family.SignInAsync(full.Email);
        foreach (var write in writes)
        {
            var response = await allowed.SendAsync(WriteRequests[write](adultRecords));
            var status = (int)response.StatusCode;
            if (status is 400 or >= 500 || (status == 404 && !UnrelatedIds.Contains(write)))
            {
                failures.Add($"{write} as the proxy with every scope: {status} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Writes a proxy holding the payments scope may make.</summary>
    private static readonly HashSet<string> PaymentWrites =
    [
        "POST /api/appointments/{id:guid}/payment",
        "POST /api/patients/{patientId:guid}/renewals/{renewalId:guid}/payment",
    ];

    /// <summary>Writes whose other id is not one of the patient's records here (a family-doctor contract, a thread, a waitlist entry, a referral): 404 for everyone.</summary>
    private static readonly HashSet<string> UnrelatedIds =
    [
        "POST /api/family/contracts/{contractId:guid}/withdraw",
        "POST /api/family/contracts/{contractId:guid}/renewal-request",
        "POST /api/family/contracts/{contractId:guid}/end",
        "POST /api/family/patients/{patientId:guid}/contracts",
        "DELETE /api/waitlist/{id:guid}",
        "POST /api/family/threads/{threadId:guid}/messages",
        "POST /api/family/threads/{threadId:guid}/read",
        "POST /api/family/threads/{threadId:guid}/attachments",
        "POST /api/patients/{patientId:guid}/referrals/{id:guid}/book",
        "POST /api/patients/{patientId:guid}/consultations/{id:guid}/payment",

        // Note: a video visit exists once the patient checks in, and the matrix's appointment is days ahead: 404 for
        // everyone (GuestLinkTests shows a patient inviting a relative into a visit that exists).
        "POST /api/visits/{id:guid}/guests/",
        "DELETE /api/visits/{id:guid}/guests/{guestId:guid}",
    ];

    private sealed record Records(Guid PatientId, Guid DoctorId, Guid AppointmentId, Guid PaymentId, Guid RenewalId, Guid DrugId, Guid SlotToBook, Guid SlotToMoveTo);

    private static readonly Dictionary<string, Func<Records, HttpRequestMessage>> WriteRequests = new(StringComparer.Ordinal)
    {
        ["POST /api/appointments/"] = r => Json(HttpMethod.Post, "/api/appointments", new { patientId = r.PatientId, slotId = r.SlotToBook, visitType = "InPerson", guardianPresent = true }),
        ["POST /api/appointments/proofs"] = r => File($"/api/appointments/proofs?patientId={r.PatientId}"),
        ["POST /api/appointments/{id:guid}/payment"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{r.AppointmentId}/payment"),
        ["POST /api/appointments/{id:guid}/cancel"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{r.AppointmentId}/cancel"),
        ["POST /api/appointments/{id:guid}/reschedule"] = r => Json(HttpMethod.Post, $"/api/appointments/{r.AppointmentId}/reschedule", new { slotId = r.SlotToMoveTo }),
        ["POST /api/video-visits/{id:guid}/check-in"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/video-visits/{r.AppointmentId}/check-in?guardianPresent=true"),
        ["POST /api/patients/{patientId:guid}/renewals"] = r => Json(HttpMethod.Post, $"/api/patients/{r.PatientId}/renewals", new { items = new[] { new { drugId = r.DrugId, daysSupply = 28 } }, fulfilment = "Pickup", guardianPresent = true }),
        ["POST /api/patients/{patientId:guid}/renewals/{renewalId:guid}/cancel"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/renewals/{r.RenewalId}/cancel"),
        ["POST /api/patients/{patientId:guid}/renewals/{renewalId:guid}/payment"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/renewals/{r.RenewalId}/payment"),
        ["POST /api/patients/{patientId:guid}/his-link"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/his-link"),
        ["POST /api/family/patients/{patientId:guid}/contracts"] = r => Json(HttpMethod.Post, $"/api/family/patients/{r.PatientId}/contracts", new { teamId = Guid.NewGuid(), packageId = Guid.NewGuid(), note = "请签约" }),
        ["POST /api/family/patients/{patientId:guid}/measurements"] = r => Json(HttpMethod.Post, $"/api/family/patients/{r.PatientId}/measurements", new { kind = "BloodPressure", systolic = 128, diastolic = 82, heartRate = 70 }),
        ["POST /api/family/patients/{patientId:guid}/threads"] = r => Json(HttpMethod.Post, $"/api/family/patients/{r.PatientId}/threads", new { subject = "血压", body = "最近血压有点高" }),
        ["POST /api/family/contracts/{contractId:guid}/withdraw"] = _ => new HttpRequestMessage(HttpMethod.Post, $"/api/family/contracts/{Guid.NewGuid()}/withdraw"),
        ["POST /api/family/contracts/{contractId:guid}/renewal-request"] = _ => new HttpRequestMessage(HttpMethod.Post, $"/api/family/contracts/{Guid.NewGuid()}/renewal-request"),
        ["POST /api/family/contracts/{contractId:guid}/end"] = _ => Json(HttpMethod.Post, $"/api/family/contracts/{Guid.NewGuid()}/end", new { reason = "搬家" }),
        ["POST /api/family/threads/{threadId:guid}/messages"] = _ => Json(HttpMethod.Post, $"/api/family/threads/{Guid.NewGuid()}/messages", new { body = "谢谢医生" }),
        ["POST /api/family/threads/{threadId:guid}/read"] = _ => new HttpRequestMessage(HttpMethod.Post, $"/api/family/threads/{Guid.NewGuid()}/read"),
        ["POST /api/family/threads/{threadId:guid}/attachments"] = _ => File($"/api/family/threads/{Guid.NewGuid()}/attachments"),
        ["POST /api/waitlist/"] = r => Json(HttpMethod.Post, "/api/waitlist", new { patientId = r.PatientId, doctorId = r.DoctorId, date = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), visitType = "InPerson" }),
        ["DELETE /api/waitlist/{id:guid}"] = _ => new HttpRequestMessage(HttpMethod.Delete, $"/api/waitlist/{Guid.NewGuid()}"),
        ["PUT /api/patients/{patientId:guid}/health-code/pin"] = r => Json(HttpMethod.Put, $"/api/patients/{r.PatientId}/health-code/pin", new { pin = "482915" }),
        ["POST /api/patients/{patientId:guid}/health-code/static"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/health-code/static"),
        ["DELETE /api/patients/{patientId:guid}/health-code/static"] = r => new HttpRequestMessage(HttpMethod.Delete, $"/api/patients/{r.PatientId}/health-code/static"),
        ["POST /api/patients/{patientId:guid}/imaging/uploads"] = r => Dicom($"/api/patients/{r.PatientId}/imaging/uploads"),
        ["POST /api/patients/{patientId:guid}/referrals/{id:guid}/book"] = r => Json(HttpMethod.Post, $"/api/patients/{r.PatientId}/referrals/{Guid.NewGuid()}/book", new { }),
        ["POST /api/patients/{patientId:guid}/consultations/consent"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/consultations/consent"),
        ["POST /api/visits/{id:guid}/guests/"] = r => Json(HttpMethod.Post, $"/api/visits/{r.AppointmentId}/guests", new { role = "Relative", email = "relative@example.test" }),
        ["DELETE /api/visits/{id:guid}/guests/{guestId:guid}"] = r => new HttpRequestMessage(HttpMethod.Delete, $"/api/visits/{r.AppointmentId}/guests/{Guid.NewGuid()}"),
        ["POST /api/patients/{patientId:guid}/consultations/{id:guid}/payment"] = r => new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{r.PatientId}/consultations/{Guid.NewGuid()}/payment"),
    };

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Dicom(string url)
    {
        // Note: not a DICOM file, so the proxy allowed to upload gets 422 imaging_not_dicom (past the grant) and nothing
        // reaches the PACS; the others must be stopped by the grant before the file is read.
        var content = new MultipartFormDataContent { { new ByteArrayContent("not a DICOM file"u8.ToArray()), "file", "study.dcm" } };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private static HttpRequestMessage File(string url)
    {
        // Note: a real (tiny) PNG, so the upload is valid and only the grant can refuse it.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var content = new MultipartFormDataContent { { new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, "file", "diagnosis.png" } };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    /// <summary>The POST/PUT/DELETE endpoints for the Patient role that act for a patient, as "METHOD pattern".</summary>
    private IEnumerable<string> PatientWrites()
    {
        foreach (var endpoint in family.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText ?? string.Empty;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var forPatients = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Roles.Patient || (a.Roles ?? string.Empty).Contains(Roles.Patient, StringComparison.Ordinal));
            if (!raw.StartsWith("/api/", StringComparison.Ordinal) || !forPatients || NotActingForAPatient.Any(p => raw.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                yield return $"{method} {raw}";
            }
        }
    }

    /// <summary>A paid video visit two days on (after the matrix's clock move it is still ahead), a renewal, and two free slots.</summary>
    private async Task<Records> RecordsOfAsync(HttpClient client, Guid accountId, Guid patientId)
    {
        using (var scope = family.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Patients.SingleAsync(p => p.Id == patientId)).LinkToHis("H0000003");
            await db.SaveChangesAsync();
        }

        var booked = await VisitScenario.BookAsync(family.Host.Services, () => Task.FromResult(new User(client, string.Empty, accountId, patientId)), startsIn: TimeSpan.FromDays(4));
        var medications = await (await client.GetAsync($"/api/patients/{patientId}/medications")).ReadJsonAsync();
        var drugId = medications.GetProperty("medications").EnumerateArray().Select(m => m.GetProperty("medication")).First(m => m.GetProperty("code").GetString() == "R03DC03-4").GetProperty("drugId").GetGuid();
        var renewal = await (await client.PostAsJsonAsync($"/api/patients/{patientId}/renewals", new { items = new[] { new { drugId, daysSupply = 28 } }, fulfilment = "Pickup" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Guid doctorId;
        using (var scope = family.Host.Services.CreateScope())
        {
            doctorId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Appointments.Where(a => a.Id == booked.AppointmentId).Select(a => a.DoctorId).SingleAsync();
        }

        return new Records(
            patientId,
            doctorId,
            booked.AppointmentId,
            booked.PaymentId!.Value,
            renewal.GetProperty("id").GetGuid(),
            drugId,
            await VisitScenario.FreeSlotAsync(family.Host.Services, TimeSpan.FromDays(5)),
            await VisitScenario.FreeSlotAsync(family.Host.Services, TimeSpan.FromDays(6)));
    }

    /// <summary>What a refused change could have touched: the patients' appointments, renewals, payments, measurements, threads, waitlist, consultation consents and HIS link.</summary>
    private async Task<string> SnapshotAsync(params Guid[] patientIds)
    {
        using var scope = family.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appointments = await db.Appointments.AsNoTracking().Where(a => patientIds.Contains(a.PatientId)).OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Status + ":" + a.Version).ToListAsync();
        var renewals = await db.RenewalRequests.AsNoTracking().Where(r => patientIds.Contains(r.PatientId)).OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status + ":" + r.Version).ToListAsync();
        var payments = await db.Payments.AsNoTracking().Where(p => patientIds.Contains(p.PatientId)).OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Status).ToListAsync();
        var measurements = await db.HomeMeasurements.AsNoTracking().CountAsync(m => patientIds.Contains(m.PatientId));
        var threads = await db.MessageThreads.AsNoTracking().CountAsync(t => patientIds.Contains(t.PatientId));
        var waitlist = await db.WaitlistEntries.AsNoTracking().CountAsync(w => patientIds.Contains(w.PatientId));
        var proofs = await db.Files.AsNoTracking().CountAsync(f => f.PatientId != null && patientIds.Contains(f.PatientId.Value));
        var consents = await db.ConsultationConsentGrants.AsNoTracking().CountAsync(g => patientIds.Contains(g.PatientId));
        return string.Join('|', appointments.Concat(renewals).Concat(payments).Append($"m{measurements} t{threads} w{waitlist} p{proofs} c{consents}"));
    }
}
