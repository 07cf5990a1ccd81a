using System.Diagnostics;

namespace InternetHospital.Application.Common.Telemetry;

/// <summary>
/// The portal's own trace source and meter name, and every instrument it emits. Nothing here carries personal data:
/// spans are named after use cases and outbox kinds, metric tags are closed sets (outbox, outcome), never names,
/// ID numbers or message text.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "InternetHospital";

    /// <summary>Spans for use cases and outbox deliveries.</summary>
    public static readonly ActivitySource Source = new(Name);

    public const string BookingsCreated = "ih.bookings.created";
    public const string OutboxPending = "ih.outbox.pending";
    public const string OutboxOldestAge = "ih.outbox.oldest_age";
    public const string OutboxDeadLetters = "ih.outbox.dead_letters";
    public const string VideoActiveRooms = "ih.video.active_rooms";
    public const string HisCallDuration = "ih.his.call.duration";
    public const string HisCircuitState = "ih.his.circuit.state";

    /// <summary>
    /// The series each instrument shows up as on the Prometheus scrape endpoint (dots become underscores, the unit
    /// "s" becomes "_seconds", counters get "_total", histograms "_bucket"/"_sum"/"_count"), plus the framework's
    /// own request duration. The Grafana dashboard may query only these (a unit test checks it).
    /// </summary>
    public static readonly IReadOnlyList<string> PrometheusSeries =
    [
        "ih_bookings_created_total",
        "ih_outbox_pending",
        "ih_outbox_oldest_age_seconds",
        "ih_outbox_dead_letters",
        "ih_video_active_rooms",
        "ih_his_call_duration_seconds_bucket",
        "ih_his_call_duration_seconds_sum",
        "ih_his_call_duration_seconds_count",
        "ih_his_circuit_state",
        "http_server_request_duration_seconds_bucket",
        "http_server_request_duration_seconds_sum",
        "http_server_request_duration_seconds_count",
    ];
}
