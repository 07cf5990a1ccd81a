using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.HealthCodes;

/// <summary>A patient's current dynamic code and the state of their printed code.</summary>
public sealed record HealthCodeView(
    string Code,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    int LifetimeSeconds,
    bool HasPin,
    bool PinLocked,
    DateTimeOffset? StaticCodeIssuedAt);

/// <summary>A newly printed static code: shown once (only its hash is kept), to print.</summary>
public sealed record StaticHealthCodeView(string Code, DateTimeOffset IssuedAt, string PatientName);

/// <summary>
/// What a desk sees after a scan: only what its purpose needs (domain rule 27). Appointments are listed for check-in,
/// pickups for the pharmacy; neither for a home visit or an emergency. The ID number, contact details and records are
/// never part of it.
/// </summary>
public sealed record HealthCodeScanView(
    Guid ScanId,
    string Purpose,
    string Place,
    string FacilityName,
    string FacilityNameEn,
    Guid PatientId,
    string PatientName,
    int Age,
    Sex Sex,
    string? PhotoUrl,
    bool StaticCode,
    IReadOnlyList<ScannedAppointment> Appointments,
    IReadOnlyList<ScannedPickup> Pickups);

public sealed record ScannedAppointment(Guid Id, DateTimeOffset Start, DateTimeOffset End, string DoctorName, string DepartmentName, string DepartmentNameEn, string Status, bool CanCheckIn);

public sealed record ScannedPickup(Guid RenewalId, string Reference, IReadOnlyList<string> Medicines, IReadOnlyList<string> MedicinesEn, DateTimeOffset? DispensedAt);

/// <summary>
/// A scan, or why the desk may not act on it: the refusal's exception is returned, not thrown, so the unit of work
/// commits its audit entry and the PIN count; the endpoint throws it afterwards and it becomes the problem response.
/// </summary>
public sealed record HealthCodeScanOutcome(HealthCodeScanView? Scan, Exception? Refusal);
