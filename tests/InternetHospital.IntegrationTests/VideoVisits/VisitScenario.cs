using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InternetHospital.Application.Common;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Payments;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Arranges what a video visit starts from: a new patient with a paid video appointment with a demo doctor, starting in
/// a few minutes (so check-in is open). The booking itself is booking's feature and tested there; here it is put in
/// place through the Appointment aggregate so each test owns its data.
/// </summary>
public static class VisitScenario
{
    public const string Cardiologist = "dr.li@demo.test";
    public const string Dermatologist = "dr.zhao@demo.test";
    public const string Endocrinologist = "dr.wang@demo.test";
    public const string FamilyDoctor = "dr.chen@demo.test";
    public const string FamilyDoctorColleague = "dr.liu@demo.test";

    public static async Task<Booked> BookAsync(IServiceProvider services, Func<Task<User>> newPatient, string doctorEmail = Cardiologist, TimeSpan? startsIn = null, decimal fee = 50m, (Guid Id, DateOnly Date)? session = null)
    {
        var patient = await newPatient();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
        var doctorAccount = await db.Users.Where(u => u.Email == doctorEmail).Select(u => u.Id).SingleAsync();
        var doctor = await db.Doctors.SingleAsync(d => d.AccountId == doctorAccount);
        var now = clock.GetUtcNow();

        // Note: slots of one doctor have unique start times; a random sub-minute offset keeps parallel tests apart.
        var start = now + (startsIn ?? TimeSpan.FromMinutes(5)) + TimeSpan.FromTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
        // Note: slots of one session share its day even when a test runs across the hospital's midnight.
        var localDate = session?.Date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), localDate, session?.Id ?? Guid.NewGuid(), InPerson: false, Video: true));
        db.Slots.Add(slot);
        var appointment = Appointment.Hold(
            new NewAppointment(patient.PatientId, patient.AccountId, slot, VisitType.Video, fee, "CNY", FollowUpBasis.HisDiagnosis, "I10", null, now.AddMinutes(15)),
            now);
        db.Appointments.Add(appointment);
        Guid? paymentId = null;
        if (fee > 0)
        {
            var payment = Payment.Create(patient.AccountId, patient.PatientId, "appointment", appointment.Id, fee, "CNY", "Video visit", "Simulated", now);
            payment.AttachProviderReference("sim_" + Guid.NewGuid().ToString("N"), now);
            payment.MarkSucceeded(now, null);
            db.Payments.Add(payment);
            appointment.AttachPayment(payment.Id, now);
            appointment.ConfirmPaid(now);
            paymentId = payment.Id;
        }

        await db.SaveChangesAsync();
        return new Booked(appointment.Id, patient, paymentId);
    }

    /// <summary>A free slot of the doctor's (video and in person) starting in <paramref name="startsIn"/>, for follow-ups.</summary>
    public static async Task<Guid> FreeSlotAsync(IServiceProvider services, TimeSpan startsIn, string doctorEmail = Cardiologist)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var zone = scope.ServiceProvider.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZoneInfo;
        var doctor = await (from d in db.Doctors join u in db.Users on d.AccountId equals u.Id where u.Email == doctorEmail select d).SingleAsync();

        // Note: as in BookAsync, a random sub-minute offset keeps the slots of parallel tests apart.
        var start = clock.GetUtcNow() + startsIn + TimeSpan.FromTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerMinute));
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var slot = Slot.Create(doctor.Id, doctor.DepartmentId, new PlannedSlot(start, start.AddMinutes(15), localDate, Guid.NewGuid(), InPerson: true, Video: true));
        db.Slots.Add(slot);
        await db.SaveChangesAsync();
        return slot.Id;
    }

    /// <summary>The doctor id (not the account) of a demo doctor.</summary>
    public static async Task<Guid> DoctorIdAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from d in db.Doctors join u in db.Users on d.AccountId equals u.Id where u.Email == email select d.Id).SingleAsync();
    }

    /// <summary>A new patient's visit with the cardiologist: booked, checked in and admitted (the call is on).</summary>
    public static async Task<(Booked Visit, User Doctor)> AdmittedAsync(ApiFactory factory)
    {
        var booked = await BookAsync(factory.Services, () => NewPatientAsync(factory));
        await (await booked.Patient.Api.PostAsync($"/api/video-visits/{booked.AppointmentId}/check-in", null)).ReadJsonAsync();
        var doctor = await SignInAsync(factory, Cardiologist);
        await StartConsultingSessionAsync(doctor);
        await (await doctor.Api.PostAsync($"/api/video-visits/{booked.AppointmentId}/admit", null)).ReadJsonAsync();
        return (booked, doctor);
    }

    /// <summary>A new patient signed in through the real OIDC flow.</summary>
    public static async Task<User> NewPatientAsync(ApiFactory factory)
    {
        var email = TestData.Email("video");
        var registered = await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await SignInAsync(factory, email, TestData.StrongPassword);
    }

    public static async Task<User> SignInAsync(ApiFactory factory, string email, string password = TestData.DemoPassword)
    {
        var tokens = await OidcFlow.SignInAsync(factory.CreateBrowserClient(), email, password);
        var api = factory.CreateBrowserClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var me = await (await api.GetAsync("/api/me")).ReadJsonAsync();
        var patients = me.GetProperty("patients").EnumerateArray().ToList();
        return new User(api, tokens.AccessToken, me.GetProperty("id").GetGuid(), patients.Count > 0 ? patients[0].GetProperty("id").GetGuid() : Guid.Empty);
    }

    /// <summary>The doctor confirms who they are at the start of a session of visits (domain rule 3).</summary>
    public static async Task StartConsultingSessionAsync(User doctor) =>
        await (await doctor.Api.PostAsJsonAsync("/api/video-visits/consulting-session", new { password = TestData.DemoPassword })).ReadJsonAsync();

    public static HubConnection Hub(ApiFactory factory, string? accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/visits"), options =>
        {
            options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult(accessToken);
        })
        .Build();

    /// <summary>Listens for one kind of hub event and hands each over as JSON.</summary>
    public static EventInbox Listen(this HubConnection connection, string eventName)
    {
        var inbox = new EventInbox();
        connection.On<JsonElement>(eventName, inbox.Add);
        return inbox;
    }

    /// <summary>The stable code of a hub refusal (SignalR sends "...HubException: code: message").</summary>
    public static async Task<string> HubErrorAsync(Func<Task> call) => CodeOf(await Assert.ThrowsAsync<HubException>(call));

    public static string CodeOf(HubException error)
    {
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? error.Message : error.Message[(at + marker.Length)..];
    }
}

public sealed record User(HttpClient Api, string AccessToken, Guid AccountId, Guid PatientId);

public sealed record Booked(Guid AppointmentId, User Patient, Guid? PaymentId);

/// <summary>Hub events as they arrive, awaited with a time limit instead of sleeps.</summary>
public sealed class EventInbox
{
    private readonly System.Threading.Channels.Channel<JsonElement> events = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();

    public void Add(JsonElement element) => events.Writer.TryWrite(element.Clone());

    public async Task<JsonElement> NextAsync(Func<JsonElement, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var next = await events.Reader.ReadAsync(timeout.Token);
            if (match is null || match(next))
            {
                return next;
            }
        }
    }
}
