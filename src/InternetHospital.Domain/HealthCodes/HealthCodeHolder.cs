using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.HealthCodes;

/// <summary>
/// A patient's health code identity: the pseudonymous handle dynamic codes carry (random, never the record id or the ID
/// number, and rotatable so old codes stop naming the patient), and the PIN that unlocks the printed static code.
/// </summary>
public sealed class HealthCodeHolder
{
    /// <summary>Wrong PINs in a row before the static code is locked (until the patient or guardian sets a new PIN).</summary>
    public const int MaxPinFailures = 5;

    private HealthCodeHolder()
    {
        Handle = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string Handle { get; private set; }
    public DateTimeOffset HandleIssuedAt { get; private set; }

    /// <summary>PBKDF2 of the 6-digit PIN (salt and hash); null until set.</summary>
    public string? PinHash { get; private set; }
    public int PinFailures { get; private set; }
    public DateTimeOffset? PinLockedAt { get; private set; }

    public bool HasPin => PinHash is not null;
    public bool PinLocked => PinLockedAt is not null;

    public static HealthCodeHolder Create(Guid patientId, string handle, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        Handle = handle,
        HandleIssuedAt = now,
    };

    public void RotateHandle(string handle, DateTimeOffset now)
    {
        Handle = handle;
        HandleIssuedAt = now;
    }

    /// <summary>Setting the PIN again is also how a locked static code is unlocked (SMS codes are issue 21).</summary>
    public void SetPin(string pinHash)
    {
        PinHash = pinHash;
        PinFailures = 0;
        PinLockedAt = null;
    }

    /// <summary>Counts a wrong PIN; the fifth in a row locks the static code. Returns whether it is now locked.</summary>
    public bool RecordPinFailure(DateTimeOffset now)
    {
        PinFailures++;
        if (PinFailures >= MaxPinFailures)
        {
            PinLockedAt ??= now;
        }

        return PinLocked;
    }

    public void RecordPinSuccess() => PinFailures = 0;
}
