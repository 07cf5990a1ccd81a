using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.HisSimulator;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.His;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Institutions;

/// <summary>
/// Each institution may have its own HIS: a message enqueued for an institution with its own FHIR HIS goes there, one
/// for the consortium (or an institution on the consortium's HIS) goes to the HIS <c>His:</c> configures. Two simulated
/// HIS: the consortium's speaks HL7 v2 (the fixture's), the community centre's FHIR (started here).
/// </summary>
public abstract class InstitutionHisRoutingTests(HisDeliveryFixture fixture) : IAsyncLifetime
{
    private HisSimulator.HisSimulator own = null!;

    public async System.Threading.Tasks.Task InitializeAsync()
    {
        fixture.Simulator.Control.Reset();
        own = await HisSimulator.HisSimulator.StartAsync(seed: false);
    }

    public async System.Threading.Tasks.Task DisposeAsync() => await own.DisposeAsync();

    [Fact]
    public async System.Threading.Tasks.Task A_message_for_an_institution_with_its_own_his_goes_there_and_the_others_go_to_the_consortiums()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.CreateHost(clock, new Dictionary<string, string?> { ["His:Institutions:OWNHIS:BearerToken"] = "institution-secret" });
        var patient = await host.AddPatientAsync("王秀英", sex: Sex.Female, hisPatientId: "H0000002");
        Guid withOwnHis, onConsortiumHis;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var centre = Facility.Create("OWN-" + suffix, "自有HIS社区中心", "Own-HIS centre", FacilityKind.CommunityHealthCentre);
            centre.ConnectHis(FacilityHisAdapter.Fhir, own.FhirBaseUrl.ToString());
            var plain = Facility.Create("PLAIN-" + suffix, "普通社区中心", "Plain centre", FacilityKind.CommunityHealthCentre);
            db.Facilities.AddRange(centre, plain);
            await db.SaveChangesAsync();
            (withOwnHis, onConsortiumHis) = (centre.Id, plain.Id);
        }

        var start = new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
        Guid atOwn = Guid.NewGuid(), atPlain = Guid.NewGuid(), atConsortium = Guid.NewGuid();
        List<Guid> ids;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IHisOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            outbox.Enqueue(patient, new AppointmentBookedMessage(atOwn, patient, Guid.NewGuid(), "GP", start, start.AddMinutes(15), "video"), withOwnHis);
            outbox.Enqueue(patient, new AppointmentBookedMessage(atPlain, patient, Guid.NewGuid(), "GP", start.AddHours(1), start.AddHours(1).AddMinutes(15), "video"), onConsortiumHis);
            outbox.Enqueue(patient, new AppointmentBookedMessage(atConsortium, patient, Guid.NewGuid(), "CARD", start.AddHours(2), start.AddHours(2).AddMinutes(15), "video"));
            ids = db.ChangeTracker.Entries<HisOutboxMessage>().Select(e => e.Entity.Id).ToList();
            await db.SaveChangesAsync();
        }

        for (var round = 0; round < 10 && await host.DispatchAsync() > 0; round++)
        {
        }

        Assert.All(await host.MessagesAsync(ids), m => Assert.Equal(HisOutboxStatus.Delivered, m.Status));
        Assert.Equal([withOwnHis, onConsortiumHis, null], (await host.MessagesAsync(ids)).Select(m => m.FacilityId));

        // The institution's own HIS got its appointment (FHIR) and nothing else ...
        var appointments = own.Store.All("Appointment").ToList();
        Assert.Single(appointments, a => SimulatorStore.HasIdentifier(a, "urn:internet-hospital:appointment", atOwn.ToString()));
        Assert.DoesNotContain(appointments, a => SimulatorStore.HasIdentifier(a, "urn:internet-hospital:appointment", atPlain.ToString()));
        Assert.DoesNotContain(appointments, a => SimulatorStore.HasIdentifier(a, "urn:internet-hospital:appointment", atConsortium.ToString()));
        Assert.Contains(own.Store.FhirWrites, w => w.RequestId == ids[0].ToString());

        // ... and the consortium's HIS (HL7 v2) got the other two and not that one.
        var received = fixture.Simulator.Store.Hl7Received.Select(r => r.ControlId).ToHashSet();
        Assert.DoesNotContain(ids[0].ToString("N"), received);
        Assert.Contains(ids[1].ToString("N"), received);
        Assert.Contains(ids[2].ToString("N"), received);
    }
}

[Collection(SqliteHisCollection.Name)]
public sealed class InstitutionHisRoutingTestsOnSqlite(SqliteHisDeliveryFixture fixture) : InstitutionHisRoutingTests(fixture);

[Collection(PostgresHisCollection.Name)]
public sealed class InstitutionHisRoutingTestsOnPostgres(PostgresHisDeliveryFixture fixture) : InstitutionHisRoutingTests(fixture);
