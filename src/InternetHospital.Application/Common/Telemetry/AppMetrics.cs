using System.Diagnostics.Metrics;

namespace InternetHospital.Application.Common.Telemetry;

/// <summary>
/// The portal's meter (one per service provider, from <see cref="IMeterFactory"/>). The observable gauges read values
/// a background sampler stored (<see cref="Sample"/>), so a scrape never queries the database.
/// </summary>
public sealed class AppMetrics
{
    private readonly Counter<long> bookings;
    private readonly Histogram<double> hisCalls;
    private volatile OutboxSample sample = OutboxSample.Empty;
    private int circuitState;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AppTelemetry.Name);
        bookings = meter.CreateCounter<long>(AppTelemetry.BookingsCreated, description: "Appointments booked or held.");
        hisCalls = meter.CreateHistogram<double>(AppTelemetry.HisCallDuration, unit: "s", description: "Duration of one delivery call to the HIS.");
        meter.CreateObservableGauge(AppTelemetry.OutboxPending, () => Per(sample.HisPending, sample.EmailPending), description: "Messages waiting in the outboxes.");
        meter.CreateObservableGauge(AppTelemetry.OutboxOldestAge, () => Per(sample.HisOldestAge, sample.EmailOldestAge), unit: "s", description: "Age of the oldest waiting message.");
        meter.CreateObservableGauge(AppTelemetry.OutboxDeadLetters, () => Per(sample.HisDeadLetters, sample.EmailFailed), description: "Messages given up on (HIS dead letters, failed e-mails).");
        meter.CreateObservableGauge(AppTelemetry.VideoActiveRooms, () => sample.ActiveVideoRooms, description: "Video visits with at least one connected participant.");
        meter.CreateObservableGauge(AppTelemetry.HisCircuitState, () => Volatile.Read(ref circuitState), description: "HIS circuit breaker: 0 closed, 1 half-open, 2 open.");
    }

    public void BookingCreated() => bookings.Add(1);

    public void HisCall(TimeSpan elapsed, string outcome) =>
        hisCalls.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void HisCircuit(HisCircuitState state) => Volatile.Write(ref circuitState, (int)state);

    public void Sample(OutboxSample value) => sample = value;

    private static Measurement<double>[] Per(double his, double email) =>
    [
        new(his, new KeyValuePair<string, object?>("outbox", "his")),
        new(email, new KeyValuePair<string, object?>("outbox", "email")),
    ];
}

public enum HisCircuitState
{
    Closed = 0,
    HalfOpen = 1,
    Open = 2,
}

/// <summary>What the sampler last read: counts, and ages in seconds (0 when nothing waits).</summary>
public sealed record OutboxSample(long HisPending, double HisOldestAge, long HisDeadLetters, long EmailPending, double EmailOldestAge, long EmailFailed, long ActiveVideoRooms)
{
    public static readonly OutboxSample Empty = new(0, 0, 0, 0, 0, 0, 0);
}
