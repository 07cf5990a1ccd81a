using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.HealthCodes;

/// <summary>
/// One accepted scan: who scanned whom, where and why. The dynamic code's nonce is kept (unique) so the same code shown
/// at another desk within its lifetime is refused as replayed; the scan itself is the short-lived authority for the
/// one-tap check-in or the pharmacy hand-over that follows it. A scan in an ambulance belongs to the crew's service
/// (not an institution of the consortium), so it has a service instead of a facility.
/// </summary>
public sealed class HealthCodeScan
{
    /// <summary>How long after a scan the desk may act on it (check in, hand over).</summary>
    public static readonly TimeSpan ActionWindow = TimeSpan.FromMinutes(15);

    private HealthCodeScan()
    {
        Place = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ScannerAccountId { get; private set; }
    /// <summary>The institution of the desk; null for a crew's scan in the ambulance.</summary>
    public Guid? FacilityId { get; private set; }

    /// <summary>The ambulance service of the crew that scanned; null for a desk scan.</summary>
    public Guid? ServiceId { get; private set; }
    public HealthCodePurpose Purpose { get; private set; }
    public string Place { get; private set; }

    /// <summary>The dynamic code's nonce; null for a static code (those are checked by PIN, not by nonce).</summary>
    public string? Nonce { get; private set; }
    public DateTimeOffset ScannedAt { get; private set; }

    /// <summary>When the dynamic code itself expires: until then its nonce must stay known.</summary>
    public DateTimeOffset? CodeExpiresAt { get; private set; }

    public static HealthCodeScan Record(Guid patientId, Guid scannerAccountId, Guid facilityId, HealthCodePurpose purpose, string place, string? nonce, DateTimeOffset? codeExpiresAt, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        ScannerAccountId = scannerAccountId,
        FacilityId = facilityId,
        Purpose = purpose,
        Place = place,
        Nonce = nonce,
        CodeExpiresAt = codeExpiresAt,
        ScannedAt = now,
    };

    /// <summary>A crew's scan identifying the patient of an emergency case (the place names the case).</summary>
    public static HealthCodeScan RecordByCrew(Guid patientId, Guid scannerAccountId, Guid serviceId, string place, string nonce, DateTimeOffset codeExpiresAt, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        PatientId = patientId,
        ScannerAccountId = scannerAccountId,
        ServiceId = serviceId,
        Purpose = HealthCodePurpose.Emergency,
        Place = place,
        Nonce = nonce,
        CodeExpiresAt = codeExpiresAt,
        ScannedAt = now,
    };

    /// <summary>The same crew scanning the same code again for the same case: the same scan, not a replay.</summary>
    public bool IsSameCrew(Guid serviceId, string place) =>
        ServiceId == serviceId && string.Equals(Place, place, StringComparison.Ordinal);

    /// <summary>The same desk scanning the same code again (a double beep) is the same scan, not a replay.</summary>
    public bool IsSameDesk(Guid facilityId, string place) =>
        FacilityId == facilityId && string.Equals(Place, place, StringComparison.Ordinal);

    /// <summary>Whether this scanner may still act on the scan for this purpose.</summary>
    public bool Authorises(Guid accountId, HealthCodePurpose purpose, DateTimeOffset now) =>
        ScannerAccountId == accountId && Purpose == purpose && now - ScannedAt <= ActionWindow;
}
