namespace InternetHospital.Domain.Emergency;

/// <summary>The care pathway a case follows; Stroke, ChestPain and Trauma have a team at the receiving hospital that can be alerted.</summary>
public enum EmergencyPathway
{
    General = 1,
    Stroke = 2,
    ChestPain = 3,
    Trauma = 4,
}

public enum EmergencyCaseStatus
{
    Open = 1,
    HandedOver = 2,
}

/// <summary>FAST scores 0–4 (face, arm, speech, time); BE-FAST adds balance and eyes (0–6).</summary>
public enum StrokeScale
{
    Fast = 1,
    BeFast = 2,
}

/// <summary>The moments of a case that quality review measures between.</summary>
public enum TimelineKind
{
    Called = 1,
    FirstContact = 2,
    PreNotified = 3,
    Accepted = 4,
    SceneDeparture = 5,
    Arrival = 6,
    Handover = 7,
    CtStarted = 8,
    PathwayActivated = 9,

    /// <summary>The department called the crew by video (each call is on the timeline).</summary>
    VideoCallStarted = 10,

    /// <summary>The video call ended: hung up, declined by the crew, or closed by the handover.</summary>
    VideoCallEnded = 11,
}

public enum MessageSide
{
    Crew = 1,
    Department = 2,
}

/// <summary>Which way an ambulance crew identified the patient.</summary>
public enum IdentifyMethod
{
    HealthCode = 1,
    IdNumber = 2,
    Patient = 3,
    Unknown = 4,
}

/// <summary>China's four-level emergency triage (急诊预检分诊): I 濒危, II 危重, III 急症, IV 非急症.</summary>
public static class TriageLevels
{
    public const int Most = 1;
    public const int Least = 4;

    public static bool IsValid(int level) => level is >= Most and <= Least;
}
