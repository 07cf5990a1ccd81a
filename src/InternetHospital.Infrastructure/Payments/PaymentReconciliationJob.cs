using System.ComponentModel.DataAnnotations;
using InternetHospital.Application.Common;
using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Payments;

/// <summary>Section <c>Payments:Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Payments:Reconciliation";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for a bill not yet compared.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Hospital-local time after which yesterday's bill is fetched (WeChat Pay's is ready from 10:00 Beijing time).</summary>
    public TimeOnly RunAfter { get; set; } = new(10, 30);
}

/// <summary>
/// Once a day per provider that has bills (WeChat Pay, Alipay): compares yesterday's bill with the portal's payments
/// (<see cref="ReconcilePayments"/>). The run is claimed by inserting its row (unique per provider and day), so with
/// several instances one does it; a run that failed (the bill was not there yet, the provider was down) is tried again
/// at the next interval. Tests call <see cref="RunOnceAsync"/>.
/// </summary>
internal sealed class PaymentReconciliationJob(
    IServiceScopeFactory scopes,
    IPaymentGateways gateways,
    IOptions<ReconciliationOptions> options,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock,
    ILogger<PaymentReconciliationJob> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && gateways.All.Any(g => g is IReconcilableGateway))
        {
            await RunOnceAsync(cancellationToken);
        }

        return false;
    }

    /// <summary>Reconciles yesterday for each provider not yet done (or failed); returns the runs made.</summary>
    internal async Task<IReadOnlyList<ReconciliationView>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), hospital.Value.TimeZoneInfo);
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.RunAfter)
        {
            return [];
        }

        var yesterday = DateOnly.FromDateTime(local.Date).AddDays(-1);
        var runs = new List<ReconciliationView>();
        foreach (var gateway in gateways.All.Where(g => g is IReconcilableGateway))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Persistence.AppDbContext>();
            // Note: a claim still without an outcome after two hours belongs to an instance that died mid-run; run it again.
            var abandoned = Clock.GetUtcNow().AddHours(-2);
            var done = await db.PaymentReconciliations.AsNoTracking()
                .AnyAsync(r => r.Provider == gateway.Name && r.BillDate == yesterday && r.Error == null && (r.CompletedAt != null || r.StartedAt > abandoned), cancellationToken);
            if (done)
            {
                continue;
            }

            var retry = await db.PaymentReconciliations.AsNoTracking().AnyAsync(r => r.Provider == gateway.Name && r.BillDate == yesterday, cancellationToken);
            runs.Add(await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReconcilePayments(gateway.Name, yesterday, Claim: !retry), cancellationToken));
        }

        return runs;
    }
}
