using InternetHospital.Domain.Accounts;
using Hl7.Fhir.Model;
using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.HisSimulator;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.His;

/// <summary>
/// The fault scenarios, with the real adapters over loopback against the simulator and a clock the test moves:
/// no sleeps, no timing assertions. "Exactly once" is read from the simulator: what it processed, and how often
/// each message id reached it.
/// </summary>
public abstract class HisDeliveryTests(HisDeliveryFixture fixture) : IAsyncLifetime
{
    protected HisDeliveryFixture Fixture => fixture;
    protected SimulatorControl Control => fixture.Simulator.Control;
    protected SimulatorStore Store => fixture.Simulator.Store;

    public System.Threading.Tasks.Task InitializeAsync()
    {
        Control.Reset();
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public System.Threading.Tasks.Task DisposeAsync()
    {
        Control.Reset();
        return System.Threading.Tasks.Task.CompletedTask;
    }

    [Fact]
    public async System.Threading.Tasks.Task Fifty_appointments_booked_while_the_his_is_down_are_delivered_once_each_in_order_after_it_recovers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock);
        var patients = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            patients.Add(await host.AddPatientAsync());
        }

        Control.Down = true;
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            var patient = patients[i % 10];
            ids.AddRange(await host.EnqueueAsync((patient, Booked(patient, i))));
        }

        // The HIS is down: a few tries fail, the circuit opens, and nothing is lost or delivered.
        await host.DispatchAsync();
        var whileDown = await host.MessagesAsync(ids);
        Assert.All(whileDown, m => Assert.Equal(HisOutboxStatus.Pending, m.Status));
        Assert.InRange(whileDown.Sum(m => m.Attempts), 1, 5);

        Control.Down = false;
        await DispatchUntilSettledAsync(host, clock, ids);

        var after = await host.MessagesAsync(ids);
        Assert.All(after, m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        AssertEachProcessedOnce(ids);
        Assert.All(ids, id => Assert.Single(Store.Hl7Received, r => r.ControlId == id.ToString("N")));

        // In order per patient: each patient's messages reached the HIS in the order they were written.
        foreach (var patient in patients)
        {
            var written = after.Where(m => m.PatientId == patient).OrderBy(m => m.Sequence).Select(m => m.Id.ToString("N")).ToList();
            var arrived = Store.Hl7Received.Select(r => r.ControlId).Where(written.Contains).ToList();
            Assert.Equal(written, arrived);
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task An_ae_answer_dead_letters_the_message_after_the_configured_attempts_with_the_his_error_kept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock);
        var admin = await host.AddAccountAsync(Roles.SystemAdmin);
        var patient = await host.AddPatientAsync("李娜", sex: Sex.Female);
        Control.AckCode = "AE";
        Control.AckText = "Patient 李娜 unknown | check PID-3";
        var id = (await host.EnqueueAsync((patient, new PatientRegisteredMessage(patient, "李娜", new DateOnly(1980, 1, 1), "Female", "13900000000")))).Single();
        var later = (await host.EnqueueAsync((patient, Booked(patient, 1)))).Single();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await host.DispatchAsync();
            clock.Advance(TimeSpan.FromMinutes(2));
        }

        await host.DispatchAsync();
        var message = (await host.MessagesAsync([id])).Single();
        Assert.Equal(HisOutboxStatus.DeadLettered, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Contains("AE (application error)", message.LastError, StringComparison.Ordinal);
        Assert.Contains("Patient 李娜 unknown | check PID-3", message.LastError, StringComparison.Ordinal);
        var attempts = await host.AttemptsAsync(id);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Number));
        Assert.All(attempts, a => Assert.False(a.Succeeded));

        // Every admin hears of it at once, in the notification centre, with the way to the message.
        var notices = await host.NotificationsAsync(admin);
        var notice = Assert.Single(notices, n => n.Link == $"/admin/his/messages/{id}");
        Assert.Equal("his.dead_lettered", notice.Kind);
        Assert.Contains("patient.registered", notice.Parameters, StringComparison.Ordinal);
        Assert.Contains(fixture.LivePushes.Sent, p => p.AccountId == admin && p.EventName == "notification");

        // The patient's next message waits behind the dead letter: order per patient is kept.
        Assert.Equal(HisOutboxStatus.Pending, (await host.MessagesAsync([later])).Single().Status);
        Assert.DoesNotContain(Store.Hl7Received, r => r.ControlId == later.ToString("N"));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_dispatcher_stopped_mid_delivery_and_restarted_delivers_the_rest_exactly_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        List<Guid> ids = [];
        Control.HoldReplies();
        await using (var first = fixture.CreateHost(clock, background: true))
        {
            for (var i = 0; i < 6; i++)
            {
                var patient = await first.AddPatientAsync();
                ids.AddRange(await first.EnqueueAsync((patient, Booked(patient, i)), (patient, new AppointmentCancelledMessage(Guid.NewGuid(), patient, "计划有变"))));
            }

            await first.StartAsync();
            await WaitUntilAsync(() => Store.Hl7Received.Any(r => ids.Contains(Guid.ParseExact(r.ControlId, "N"))));

            // Stopping the host cancels the delivery in flight: the HIS has the message but the ACK never arrives.
        }

        Control.ReleaseReplies();
        await using var second = fixture.CreateHost(clock);
        await DispatchUntilSettledAsync(second, clock, ids);

        Assert.All(await second.MessagesAsync(ids), m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        AssertEachProcessedOnce(ids);
        var interrupted = Store.Hl7Received.Where(r => ids.Contains(Guid.ParseExact(r.ControlId, "N"))).GroupBy(r => r.ControlId).Where(g => g.Count() > 1).ToList();
        Assert.All(interrupted, g => Assert.True(g.Last().Duplicate));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_crashed_dispatchers_claim_runs_out_and_another_instance_delivers_the_message()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock);
        var patient = await host.AddPatientAsync();
        var id = (await host.EnqueueAsync((patient, Booked(patient, 0)))).Single();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var until = clock.GetUtcNow().AddMinutes(2);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().HisOutbox.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "crashed-instance").SetProperty(m => m.ClaimedUntil, until));
        }

        await host.DispatchAsync();
        Assert.Equal(HisOutboxStatus.Pending, (await host.MessagesAsync([id])).Single().Status);

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await host.DispatchAsync();

        Assert.Equal(HisOutboxStatus.Delivered, (await host.MessagesAsync([id])).Single().Status);
        AssertEachProcessedOnce([id]);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_redelivery_after_a_lost_ack_is_recognised_by_the_his_and_processed_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Mllp:AckTimeout"] = "00:00:01" });
        var patient = await host.AddPatientAsync();
        var id = (await host.EnqueueAsync((patient, Booked(patient, 0)))).Single();

        Control.HoldReplies();
        await host.DispatchAsync();
        Control.ReleaseReplies();
        var first = (await host.MessagesAsync([id])).Single();
        Assert.Equal(HisOutboxStatus.Pending, first.Status);
        Assert.Contains("No ACK", first.LastError, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(2));
        await host.DispatchAsync();

        Assert.Equal(HisOutboxStatus.Delivered, (await host.MessagesAsync([id])).Single().Status);
        AssertEachProcessedOnce([id]);
        Assert.Equal([false, true], Store.Hl7Received.Where(r => r.ControlId == id.ToString("N")).Select(r => r.Duplicate));
    }

    [Fact]
    public async System.Threading.Tasks.Task The_fhir_writer_keeps_one_appointment_through_a_timeout_a_reschedule_a_modification_and_a_cancellation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Writer"] = "Fhir", ["His:FhirWriter:Timeout"] = "00:00:01" });
        var patient = await host.AddPatientAsync("王秀英", sex: Sex.Female, hisPatientId: "H0000002");
        var appointment = Guid.NewGuid();
        var start = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
        var ids = await host.EnqueueAsync(
            (patient, new AppointmentBookedMessage(appointment, patient, Guid.NewGuid(), "CARD", start, start.AddMinutes(15), "video")),
            (patient, new AppointmentRescheduledMessage(appointment, patient, Guid.NewGuid(), start.AddDays(1), start.AddDays(1).AddMinutes(15))),
            (patient, new AppointmentModifiedMessage(appointment, patient, Guid.NewGuid(), "ENDO", start.AddDays(1), start.AddDays(1).AddMinutes(15), "video", "医生调整")),
            (patient, new AppointmentCancelledMessage(appointment, patient, "患者要求")));

        // The first write reaches the HIS but its answer comes too late: the writer gives up and tries again later.
        Control.HoldReplies();
        await host.DispatchAsync();
        Control.ReleaseReplies();
        Assert.Equal(HisOutboxStatus.Pending, (await host.MessagesAsync([ids[0]])).Single().Status);

        await DispatchUntilSettledAsync(host, clock, ids);

        Assert.All(await host.MessagesAsync(ids), m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        var held = Store.All("Appointment").Where(a => SimulatorStore.HasIdentifier(a, "urn:internet-hospital:appointment", appointment.ToString())).ToList();
        var only = Assert.Single(held);
        Assert.Equal("cancelled", only["status"]!.GetValue<string>());
        Assert.Equal("患者要求", only["cancelationReason"]!["text"]!.GetValue<string>());
        Assert.StartsWith("2026-12-04", only["start"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ENDO", only["specialty"]![0]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Contains(Store.FhirWrites, w => w.RequestId == ids[0].ToString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_home_reading_reaches_the_his_as_observations_over_fhir_and_as_an_oru_r01_over_mllp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var taken = clock.GetUtcNow().AddMinutes(-10);

        await using (var fhir = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Writer"] = "Fhir" }))
        {
            var patient = await fhir.AddPatientAsync("王秀英", sex: Sex.Female, hisPatientId: "H0000002");
            var reading = Guid.NewGuid();
            var ids = await fhir.EnqueueAsync((patient, new HomeMeasurementRecordedMessage(reading, patient, "BloodPressure", 186, 112, 96, null, null, null, taken, "Dangerous")));
            await DispatchUntilSettledAsync(fhir, clock, ids);

            var held = Store.All("Observation").Where(o => SimulatorStore.HasIdentifier(o, "urn:internet-hospital:observation", reading.ToString())).ToList();
            var panel = Assert.Single(held);
            Assert.Equal("85354-9", panel["code"]!["coding"]![0]!["code"]!.GetValue<string>());
            Assert.Equal(186m, panel["component"]![0]!["valueQuantity"]!["value"]!.GetValue<decimal>());
            Assert.Equal("Patient/H0000002", panel["subject"]!["reference"]!.GetValue<string>());
            Assert.Single(Store.All("Observation"), o => SimulatorStore.HasIdentifier(o, "urn:internet-hospital:observation", reading + "-pulse"));
        }

        await using var mllp = fixture.CreateHost(clock);
        var other = await mllp.AddPatientAsync();
        var glucose = await mllp.EnqueueAsync((other, new HomeMeasurementRecordedMessage(Guid.NewGuid(), other, "BloodGlucose", null, null, null, 7.4m, "Fasting", null, taken, "OutOfTarget")));
        await DispatchUntilSettledAsync(mllp, clock, glucose);

        Assert.Equal(HisOutboxStatus.Delivered, (await mllp.MessagesAsync(glucose)).Single().Status);
        AssertEachProcessedOnce(glucose);
        var oru = Store.Hl7Applied.Single(r => r.ControlId == glucose[0].ToString("N")).Text;
        Assert.Contains("|ORU^R01^ORU_R01|", oru, StringComparison.Ordinal);
        Assert.Contains("OBX|1|NM|14743-9^Glucose [Moles/volume] in Capillary blood by Glucometer^LN||7.4|mmol/L^^UCUM||A|||F|", oru, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Reads_come_from_fhir_and_are_served_stale_with_their_time_while_the_his_is_down()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Reader"] = "Fhir", ["His:ReadCache:FreshFor"] = "00:01:00", ["His:FhirReader:Attempts"] = "1" });
        var reader = host.Services.GetRequiredService<IHisReader>();
        var readAt = clock.GetUtcNow();

        var found = await reader.FindPatientsAsync(new HisPatientQuery(SimulatorSeed.ZhangWeiResidentId), CancellationToken.None);
        var diagnoses = await reader.GetDiagnosesAsync("H0000001", CancellationToken.None);
        var medications = await reader.GetMedicationsAsync("H0000001", CancellationToken.None);

        Assert.Equal(("H0000001", "MR2019000123", "张伟"), (found.Single().HisPatientId, found.Single().MedicalRecordNumber, found.Single().FullName));
        Assert.Contains(diagnoses.Value, d => d is { Icd10Code: "I10", InPerson: true, DepartmentCode: "CARD" });
        var amlodipine = Assert.Single(medications.Value, m => m.DrugCode == "C08CA01-5");
        Assert.Equal(("5 mg", "5 mg", "qd", true, 28), (amlodipine.Strength, amlodipine.Dose, amlodipine.Frequency, amlodipine.Active, amlodipine.DaysSupply));
        Assert.NotNull(amlodipine.LastDispensedOn);
        Assert.False(diagnoses.IsStale);

        Control.Down = true;
        clock.Advance(TimeSpan.FromMinutes(5));
        var stale = await reader.GetDiagnosesAsync("H0000001", CancellationToken.None);
        Assert.True(stale.IsStale);
        Assert.Equal(readAt, stale.AsOf);
        Assert.Equal(diagnoses.Value, stale.Value);

        clock.Advance(TimeSpan.FromDays(2));
        await Assert.ThrowsAsync<HisUnavailableException>(() => reader.GetDiagnosesAsync("H0000001", CancellationToken.None));
        await Assert.ThrowsAsync<HisUnavailableException>(() => reader.GetAllergiesAsync("H0000001", CancellationToken.None));
    }

    [Fact]
    public async System.Threading.Tasks.Task Identity_matching_links_an_exact_match_and_queues_a_mismatch_or_several_candidates_for_an_admin()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Reader"] = "Fhir" });
        var born = new DateOnly(1972, 6, 1);
        string Resident() => TestData.ResidentId(born, Sex.Female);
        var exact = Resident();
        var mismatch = Resident();
        var twice = Resident();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        SimulatorSeed.AddPatient(Store, "X" + suffix, "MRX" + suffix, "周 芳", born, AdministrativeGender.Female, exact);
        SimulatorSeed.AddPatient(Store, "Y" + suffix, "MRY" + suffix, "周芬", born, AdministrativeGender.Female, mismatch);
        SimulatorSeed.AddPatient(Store, "Z1" + suffix, "MRZ1" + suffix, "周芳", born, AdministrativeGender.Female, twice);
        SimulatorSeed.AddPatient(Store, "Z2" + suffix, "MRZ2" + suffix, "周芳", born, AdministrativeGender.Female, twice);

        var linked = await host.AddPatientAsync("周芳", born, Sex.Female, exact);
        var different = await host.AddPatientAsync("周芳", born, Sex.Female, mismatch);
        var ambiguous = await host.AddPatientAsync("周芳", born, Sex.Female, twice);
        var unknown = await host.AddPatientAsync("周芳", born, Sex.Female);

        Assert.Equal(HisIdentityMatchOutcome.Linked, await MatchAsync(host, linked));
        Assert.Equal(HisIdentityMatchOutcome.AlreadyLinked, await MatchAsync(host, linked));
        Assert.Equal(HisIdentityMatchOutcome.InReview, await MatchAsync(host, different));
        Assert.Equal(HisIdentityMatchOutcome.InReview, await MatchAsync(host, different));
        Assert.Equal(HisIdentityMatchOutcome.InReview, await MatchAsync(host, ambiguous));
        Assert.Equal(HisIdentityMatchOutcome.NotFound, await MatchAsync(host, unknown));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("X" + suffix, (await db.Patients.SingleAsync(p => p.Id == linked)).HisPatientId);
        Assert.Null((await db.Patients.SingleAsync(p => p.Id == different)).HisPatientId);
        var reviews = await db.HisIdentityReviews.Where(r => r.PatientId == different || r.PatientId == ambiguous).ToListAsync();
        Assert.Equal(HisIdentityReviewReason.Mismatch, reviews.Single(r => r.PatientId == different).Reason);
        Assert.Equal(2, reviews.Single(r => r.PatientId == ambiguous).Candidates.Count);
        var audit = await db.AuditEntries.Where(a => a.PatientId == linked || a.PatientId == different).Select(a => a.Action).ToListAsync();
        Assert.Contains("his.identity.linked", audit);
        Assert.Contains("his.identity.review_opened", audit);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_new_patient_is_matched_before_the_his_hears_of_them_without_anyone_asking()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Reader"] = "Fhir", ["His:FhirReader:Attempts"] = "1" });
        var born = new DateOnly(1981, 4, 2);
        var sure = TestData.ResidentId(born, Sex.Male);
        var doubtful = TestData.ResidentId(born, Sex.Male);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        SimulatorSeed.AddPatient(Store, "A" + suffix, "MRA" + suffix, "钱伟", born, AdministrativeGender.Male, sure);
        SimulatorSeed.AddPatient(Store, "B" + suffix, "MRB" + suffix, "钱炜", born, AdministrativeGender.Male, doubtful);
        var linked = await host.AddPatientAsync("钱伟", born, Sex.Male, sure);
        var queued = await host.AddPatientAsync("钱伟", born, Sex.Male, doubtful);
        var registrations = await host.EnqueueAsync(
            (linked, new PatientRegisteredMessage(linked, "钱伟", born, "Male", "13900000000")),
            (queued, new PatientRegisteredMessage(queued, "钱伟", born, "Male", "13900000000")));

        // The HIS cannot be asked: the registration waits (an attempt is charged) instead of going out unmatched.
        Control.Down = true;
        await host.DispatchAsync();
        var waiting = await host.MessagesAsync(registrations);
        Assert.All(waiting, m => Assert.Equal(HisOutboxStatus.Pending, m.Status));
        Assert.All(waiting, m => Assert.StartsWith("Identity matching could not ask the HIS", m.LastError, StringComparison.Ordinal));

        Control.Down = false;
        await DispatchUntilSettledAsync(host, clock, registrations);

        Assert.All(await host.MessagesAsync(registrations), m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("A" + suffix, (await db.Patients.SingleAsync(p => p.Id == linked)).HisPatientId);
        Assert.Null((await db.Patients.SingleAsync(p => p.Id == queued)).HisPatientId);
        var review = await db.HisIdentityReviews.SingleAsync(r => r.PatientId == queued);
        Assert.Equal((HisIdentityReviewReason.Mismatch, HisIdentityReviewStatus.Pending), (review.Reason, review.Status));

        // The sure match's ADT^A04 names the HIS's record in PID-3; the doubtful one goes out with the portal's id only.
        var sureA04 = Store.Hl7Applied.Single(r => r.ControlId == registrations[0].ToString("N")).Text;
        var doubtfulA04 = Store.Hl7Applied.Single(r => r.ControlId == registrations[1].ToString("N")).Text;
        Assert.Contains($"~A{suffix}^^^HIS^PI", sureA04, StringComparison.Ordinal);
        Assert.DoesNotContain("^^^HIS^PI", doubtfulA04, StringComparison.Ordinal);
        Assert.Contains("his.identity.linked", await db.AuditEntries.Where(a => a.PatientId == linked).Select(a => a.Action).ToListAsync());
    }

    protected static AppointmentBookedMessage Booked(Guid patient, int n)
    {
        var start = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero).AddMinutes(15 * n);
        return new AppointmentBookedMessage(Guid.NewGuid(), patient, Guid.NewGuid(), "CARD", start, start.AddMinutes(15), "video");
    }

    protected void AssertEachProcessedOnce(IReadOnlyCollection<Guid> ids)
    {
        foreach (var id in ids)
        {
            var hl7 = Store.Hl7Applied.Count(a => a.ControlId == id.ToString("N"));
            Assert.True(hl7 == 1, $"message {id} was processed {hl7} times by the HIS");
        }
    }

    /// <summary>Dispatches and moves the clock past retry delays and the circuit's break until every message has settled.</summary>
    protected static async System.Threading.Tasks.Task DispatchUntilSettledAsync(DispatcherHost host, FakeTimeProvider clock, IReadOnlyCollection<Guid> ids)
    {
        for (var round = 0; round < 30; round++)
        {
            await host.DispatchAsync();
            if ((await host.MessagesAsync(ids)).All(m => m.Status != HisOutboxStatus.Pending))
            {
                return;
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail("The messages did not settle.");
    }

    protected static async System.Threading.Tasks.Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 30 s.");
            await System.Threading.Tasks.Task.Delay(20);
        }
    }

    /// <summary>The matcher as the patient's request uses it (the access rule in front of it is tested over HTTP).</summary>
    private static async Task<HisIdentityMatchOutcome> MatchAsync(DispatcherHost host, Guid patientId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IHisIdentityMatcher>().MatchAsync(patientId, CancellationToken.None)).Outcome;
    }
}

[Collection(SqliteHisCollection.Name)]
public sealed class HisDeliveryTestsOnSqlite(SqliteHisDeliveryFixture fixture) : HisDeliveryTests(fixture);

[Collection(PostgresHisCollection.Name)]
public sealed class HisDeliveryTestsOnPostgres(PostgresHisDeliveryFixture fixture) : HisDeliveryTests(fixture)
{
    [Fact]
    public async System.Threading.Tasks.Task Two_dispatchers_on_one_database_never_send_the_same_message_twice()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var one = Fixture.CreateHost(clock);
        await using var two = Fixture.CreateHost(clock);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var patient = await one.AddPatientAsync();
            ids.AddRange(await one.EnqueueAsync((patient, Booked(patient, 0)), (patient, Booked(patient, 1)), (patient, Booked(patient, 2))));
        }

        await System.Threading.Tasks.Task.WhenAll(DrainAsync(one), DrainAsync(two));

        Assert.All(await one.MessagesAsync(ids), m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        foreach (var id in ids)
        {
            Assert.Single(Store.Hl7Received, r => r.ControlId == id.ToString("N"));
        }

        static async System.Threading.Tasks.Task DrainAsync(DispatcherHost host)
        {
            await System.Threading.Tasks.Task.Yield();
            for (var round = 0; round < 20 && await host.DispatchAsync() > 0; round++)
            {
            }
        }
    }
}
