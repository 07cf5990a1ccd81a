using System.Text.Json;

namespace InternetHospital.Application.His;

/// <summary>
/// How outbox payloads are stored: adapter-neutral JSON of the message record, with its kind beside it.
/// One table maps kinds back to records, so the dispatcher can hand adapters the typed message.
/// </summary>
public static class HisMessageSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["patient.registered"] = typeof(PatientRegisteredMessage),
        ["appointment.booked"] = typeof(AppointmentBookedMessage),
        ["appointment.rescheduled"] = typeof(AppointmentRescheduledMessage),
        ["appointment.modified"] = typeof(AppointmentModifiedMessage),
        ["appointment.cancelled"] = typeof(AppointmentCancelledMessage),
        ["encounter.completed"] = typeof(EncounterCompletedMessage),
        ["prescription.approved"] = typeof(PrescriptionApprovedMessage),
        ["measurement.recorded"] = typeof(HomeMeasurementRecordedMessage),
        ["emergency.registered"] = typeof(EmergencyRegisteredMessage),
        ["emergency.identified"] = typeof(EmergencyPatientIdentifiedMessage),
    };

    /// <summary>Every kind the portal sends, for filters and documentation.</summary>
    public static IReadOnlyCollection<string> AllKinds => Kinds.Keys;

    public static Type TypeOf(string kind) =>
        Kinds.TryGetValue(kind, out var type) ? type : throw new InvalidOperationException($"Unknown HIS message kind '{kind}'.");

    public static string Serialize(HisMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, message.GetType(), Json);
    }

    public static HisMessage Deserialize(string kind, string payload) =>
        (HisMessage)(JsonSerializer.Deserialize(payload, TypeOf(kind), Json)
            ?? throw new InvalidOperationException($"The payload of a '{kind}' message is empty."));
}
