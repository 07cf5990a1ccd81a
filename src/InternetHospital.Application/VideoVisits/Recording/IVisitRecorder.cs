using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// Tells the media server to record a visit's call or to stop. A browser mesh cannot record (there is no server in the
/// media path): its recorder says <see cref="Domain.VideoVisits.RecordingCapability.Unavailable"/> and the visit record
/// says the call was not recorded for that reason.
/// </summary>
public interface IVisitRecorder
{
    RecordingCapability Capability { get; }

    /// <summary>Start (or stop) recording every publisher of the visit's room, into the visit's recording folder.</summary>
    Task SetRecordingAsync(Guid visitId, bool record, CancellationToken cancellationToken);
}

/// <summary>
/// The encrypted store of playable recordings: a recording's own key encrypts it in chunks, so a player's range request
/// decrypts only the chunks it touches.
/// </summary>
public interface IRecordingVault
{
    /// <summary>Encrypts a playable file into chunks and adds the recording and its chunks to the unit of work.</summary>
    Task<VisitRecording> StoreAsync(NewRecording recording, Stream content, CancellationToken cancellationToken);

    /// <summary>The plain bytes <paramref name="from"/>..<paramref name="to"/> (inclusive) of a stored recording.</summary>
    Task<byte[]> ReadAsync(VisitRecording recording, long from, long to, CancellationToken cancellationToken);
}

public sealed record NewRecording(
    Guid VisitId,
    Guid PatientId,
    VisitRole? Role,
    Guid? AccountId,
    string Participant,
    DateTimeOffset RecordedAt,
    double DurationSeconds,
    string ContentType);

/// <summary>Events the room's browsers listen to about recording.</summary>
public static class RecordingRoomEvents
{
    /// <summary>Recording started or stopped (or who is missing changed): every browser shows (or hides) the indicator.</summary>
    public const string RecordingChanged = "recordingChanged";
}
