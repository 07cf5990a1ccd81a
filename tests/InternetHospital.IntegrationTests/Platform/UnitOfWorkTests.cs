using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Renewals;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Renewals;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.FamilyDoctors;
using InternetHospital.IntegrationTests.Infrastructure;
using InternetHospital.IntegrationTests.Renewals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// One commit per use case: the use cases that used to save, then publish <c>PendingRenewalsChanged</c> and save again,
/// now leave nothing behind when a step after their first change fails. The failure is injected after the pending-count
/// notification ran (its handler has changed the care profile by then), in a host of this class's own.
/// </summary>
public abstract class UnitOfWorkTests(FaultyApiFactory factory) : IDisposable
{
    private readonly RenewalTestKit renewals = new(factory);
    private readonly FamilyTestKit family = new(factory);

    public void Dispose()
    {
        factory.Fault.Armed = false;
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_renewal_request_that_fails_after_the_pending_count_leaves_no_request_behind()
    {
        var patient = await renewals.PatientAsync();
        var drugId = await patient.DrugIdAsync(RenewalTestKit.Amlodipine);

        factory.Fault.Armed = true;
        var response = await patient.Client.PostAsJsonAsync($"/api/patients/{patient.PatientId}/renewals", new
        {
            items = new[] { new { drugId, daysSupply = 28 } },
            fulfilment = "Pickup",
            newSymptoms = false, sideEffects = false, hospitalStay = false, pregnancy = false,
        });
        factory.Fault.Armed = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.RenewalRequests.CountAsync(r => r.PatientId == patient.PatientId)));
        Assert.Equal(0, await ReadAsync(db => db.AuditEntries.CountAsync(a => a.PatientId == patient.PatientId && a.Action == "renewal.submitted")));
    }

    [Fact]
    public async Task A_doctor_approval_that_fails_after_the_pending_count_leaves_the_request_waiting()
    {
        var (patient, id) = await SubmittedAsync();
        var doctor = await renewals.DoctorAsync();

        var response = await WhileFailingAsync(() => doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(RenewalStatus.Submitted, await StatusAsync(id));
        Assert.Equal(0, await ReadAsync(db => db.HisOutbox.CountAsync(m => m.PatientId == patient.PatientId && m.Kind == "prescription.approved")));
    }

    [Fact]
    public async Task A_doctor_refusal_that_fails_after_the_pending_count_leaves_the_request_waiting()
    {
        var (_, id) = await SubmittedAsync();
        var doctor = await renewals.DoctorAsync();

        var response = await WhileFailingAsync(() => doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/reject", new { reason = "请先来门诊复查血压。" }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(RenewalStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task A_cancellation_that_fails_after_the_pending_count_leaves_the_request_open()
    {
        var (patient, id) = await SubmittedAsync();

        var response = await WhileFailingAsync(() => patient.Client.PostAsync($"/api/patients/{patient.PatientId}/renewals/{id}/cancel", null));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(RenewalStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task A_pharmacist_approval_that_fails_after_the_pending_count_leaves_the_prescription_in_review()
    {
        var (_, id) = await SubmittedAsync();
        var doctor = await renewals.DoctorAsync();
        await RenewalTestKit.StatusIsAsync(await doctor.PostAsJsonAsync($"/api/doctor/renewals/{id}/approve", new { }), "DoctorApproved");
        var pharmacist = await renewals.PharmacistOnDutyAsync();

        var response = await WhileFailingAsync(() => pharmacist.PostAsJsonAsync($"/api/pharmacy/renewals/{id}/approve", new { justification = "Clarithromycin course ends soon; patient told to check BP daily." }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(RenewalStatus.DoctorApproved, await StatusAsync(id));
    }

    [Fact]
    public async Task Accepting_a_family_contract_that_fails_after_the_pending_count_leaves_the_application_pending_and_no_profile()
    {
        var team = await family.NewTeamAsync();
        var patient = await family.RegisterPatientAsync();
        var contractId = await FamilyTestKit.ApplyAsync(patient, team);

        var response = await WhileFailingAsync(() => team.Lead.Client.PostAsync($"/api/family/contracts/{contractId}/accept", null));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ContractStatus.Pending, await ReadAsync(db => db.FamilyContracts.Where(c => c.Id == contractId).Select(c => c.Status).SingleAsync()));
        Assert.False(await ReadAsync(db => db.CareProfiles.AnyAsync(p => p.PatientId == patient.PatientId)));
    }

    private async Task<(TestPatient Patient, Guid Id)> SubmittedAsync()
    {
        var patient = await renewals.PatientAsync();
        var request = await RenewalTestKit.SubmitAsync(patient);
        return (patient, request.GetProperty("id").GetGuid());
    }

    private async Task<HttpResponseMessage> WhileFailingAsync(Func<Task<HttpResponseMessage>> send)
    {
        factory.Fault.Armed = true;
        try
        {
            return await send();
        }
        finally
        {
            factory.Fault.Armed = false;
        }
    }

    private Task<RenewalStatus> StatusAsync(Guid id) =>
        ReadAsync(db => db.RenewalRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>Switches the injected failure on for one request at a time.</summary>
public sealed class InjectedFault
{
    public volatile bool Armed;
}

/// <summary>The real pending-count step, then a failure when armed: a later step of the use case going wrong.</summary>
internal sealed class FailingPendingRenewalCounts(IPendingRenewalCounts inner, InjectedFault fault) : IPendingRenewalCounts
{
    public async Task PublishAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(patientId, cancellationToken);
        if (fault.Armed)
        {
            throw new InvalidOperationException("Injected failure after the pending-renewal count was published.");
        }
    }
}

/// <summary>A host of its own (its own database) whose pending-renewal count step can be made to fail.</summary>
public abstract class FaultyApiFactory : ApiFactory
{
    public InjectedFault Fault { get; } = new();

    // Note: the fault is in a query of the application; seeding is the demo seed.
    protected override bool ReusesSeededTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IPendingRenewalCounts));
            services.Remove(real);
            services.AddSingleton(Fault);
            services.AddScoped<IPendingRenewalCounts>(provider => new FailingPendingRenewalCounts(
                (IPendingRenewalCounts)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!),
                provider.GetRequiredService<InjectedFault>()));
        });
    }
}

public sealed class FaultySqliteApiFactory : FaultyApiFactory
{
    private readonly string file = TestDatabases.NewSqliteFile("ih-uow");

    public override string ProviderName => "Sqlite";

    protected override string ConnectionString => $"Data Source={file}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestDatabases.DeleteSqlite(file);
    }
}

public sealed class FaultyPostgresApiFactory : FaultyApiFactory
{
    private readonly string database = $"ih_uow_{Guid.NewGuid():N}";

    public override string ProviderName => "PostgreSQL";

    protected override string ConnectionString => TestDatabases.Postgres(database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropPostgresAsync(database);
    }
}

public sealed class UnitOfWorkTestsOnSqlite(FaultySqliteApiFactory factory) : UnitOfWorkTests(factory), IClassFixture<FaultySqliteApiFactory>;

public sealed class UnitOfWorkTestsOnPostgres(FaultyPostgresApiFactory factory) : UnitOfWorkTests(factory), IClassFixture<FaultyPostgresApiFactory>;
