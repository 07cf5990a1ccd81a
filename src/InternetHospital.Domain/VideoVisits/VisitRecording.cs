using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>
/// One participant's answer to "May this visit be recorded?" (domain rule 30). Asked once per visit and person; the
/// answer can be changed (withdrawing consent stops a running recording at once), and every answer is in the trace.
/// </summary>
public sealed class RecordingConsent
{
    private RecordingConsent()
    {
    }

    internal RecordingConsent(Guid visitId, Guid accountId, VisitRole role, bool consented, DateTimeOffset now)
    {
        Id = NewId.Next();
        VisitId = visitId;
        AccountId = accountId;
        Role = role;
        Consented = consented;
        AnsweredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid AccountId { get; private set; }
    public VisitRole Role { get; private set; }
    public bool Consented { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    internal void Change(bool consented, DateTimeOffset now)
    {
        Consented = consented;
        AnsweredAt = now;
    }
}

/// <summary>Someone in the call right now, as the recording decision sees them.</summary>
public sealed record CallParticipant(Guid AccountId, VisitRole Role);

/// <summary>What the media path can do: a browser mesh has no server that could record.</summary>
public enum RecordingCapability
{
    Unavailable = 0,
    Available = 1,
}

/// <summary>How the visit's recording stands, for its record and for the indicator everyone in the call sees.</summary>
public enum RecordingState
{
    /// <summary>Nothing recorded yet and no reason known (nobody in the call yet).</summary>
    NotRecorded = 0,

    /// <summary>Recording now: everyone in the call consented.</summary>
    Recording = 1,

    /// <summary>Recorded for at least part of the visit; not recording now.</summary>
    Recorded = 2,

    /// <summary>The media path cannot record (browser mesh): the record says so.</summary>
    Unavailable = 3,
}

/// <summary>What the room must do after a decision: tell the media server to start or stop, or nothing.</summary>
public enum RecordingChange
{
    None = 0,
    Start = 1,
    Stop = 2,
}

/// <summary>
/// A playable recording of one participant's media (audio and video muxed) for one stretch of recording, stored
/// encrypted in chunks (<see cref="VisitRecordingChunk"/>) so that a player can seek without the whole file being
/// decrypted. Kept for <c>Video:RecordingRetention</c> after it was recorded (at least three years, domain rule 12);
/// the retention job deletes it after that unless the patient is under a legal hold.
/// </summary>
public sealed class VisitRecording
{
    public const int ChunkSize = 1024 * 1024;

    private VisitRecording()
    {
        Participant = ContentType = Sha256 = WrappedKey = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>Whose media this is: the role and, where known, the account (a feed id otherwise).</summary>
    public VisitRole? Role { get; private set; }

    public Guid? AccountId { get; private set; }

    /// <summary>The media server's name for the stream (a Janus feed id); never personal data.</summary>
    public string Participant { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public double DurationSeconds { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }

    /// <summary>SHA-256 of the plain file: a restore or a decrypt can be checked against it.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The recording's own content key, encrypted under the application's key ring (envelope encryption).</summary>
    public string WrappedKey { get; private set; }

    public int Chunks { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static VisitRecording Create(
        Guid id,
        Guid visitId,
        Guid patientId,
        VisitRole? role,
        Guid? accountId,
        string participant,
        DateTimeOffset recordedAt,
        double durationSeconds,
        string contentType,
        long size,
        string sha256,
        string wrappedKey,
        int chunks,
        DateTimeOffset now) => new()
        {
            Id = id,
            VisitId = visitId,
            PatientId = patientId,
            Role = role,
            AccountId = accountId,
            Participant = participant,
            RecordedAt = recordedAt,
            DurationSeconds = durationSeconds,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            WrappedKey = wrappedKey,
            Chunks = chunks,
            CreatedAt = now,
        };
}

/// <summary>One encrypted chunk of a recording: AES-256-GCM, nonce and tag stored with it, the chunk index bound in.</summary>
public sealed class VisitRecordingChunk
{
    private VisitRecordingChunk()
    {
        Data = [];
    }

    public VisitRecordingChunk(Guid recordingId, int index, byte[] data)
    {
        RecordingId = recordingId;
        Index = index;
        Data = data;
    }

    public Guid RecordingId { get; private set; }
    public int Index { get; private set; }
    public byte[] Data { get; private set; }
}

/// <summary>
/// A visit whose media was recorded waits here until its raw recordings are turned into playable files. Claimed by one
/// instance at a time (a crashed instance's claim runs out); retried with the error kept.
/// </summary>
public sealed class RecordingJob
{
    private RecordingJob()
    {
    }

    public RecordingJob(Guid visitId, DateTimeOffset now)
    {
        VisitId = visitId;
        CreatedAt = now;
    }

    public Guid VisitId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void Completed(DateTimeOffset now)
    {
        CompletedAt = now;
        ClaimedBy = null;
        ClaimedUntil = null;
        LastError = null;
    }

    public void Failed(string error, DateTimeOffset now, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimedBy = null;
        ClaimedUntil = now + retryAfter;
    }
}
