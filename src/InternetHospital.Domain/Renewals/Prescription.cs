using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Drugs;

namespace InternetHospital.Domain.Renewals;

/// <summary>
/// A prescription signed by a doctor: who signed, when, and a SHA-256 hash over a canonical form of its content, so
/// that any later change is detectable (domain rule 11: read-only once signed; a correction is a new prescription).
/// </summary>
public sealed class Prescription
{
    private readonly List<PrescriptionItem> lines = [];

    private Prescription()
    {
        DoctorName = ContentHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RenewalRequestId { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>1 for the first signature on a request, 2 after the pharmacist sent it back and the doctor signed again, ...</summary>
    public int Number { get; private set; }

    public Guid DoctorId { get; private set; }
    public Guid SignedByAccountId { get; private set; }
    public string DoctorName { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalContent"/>.</summary>
    public string ContentHash { get; private set; }

    /// <summary>A later signature replaced this one (it is kept, never changed).</summary>
    public bool Superseded { get; private set; }

    public IReadOnlyList<PrescriptionItem> Lines => lines;

    internal static Prescription Sign(RenewalRequest request, int number, Signer signer, IReadOnlyList<(RenewalItem Item, PrescribedLine Line)> content, string? note, DateTimeOffset now)
    {
        var prescription = new Prescription
        {
            Id = NewId.Next(),
            RenewalRequestId = request.Id,
            PatientId = request.PatientId,
            Number = number,
            DoctorId = signer.DoctorId,
            SignedByAccountId = signer.AccountId,
            DoctorName = signer.Name,
            SignedAt = now,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        foreach (var (item, line) in content.OrderBy(c => c.Item.Line.DrugCode, StringComparer.Ordinal))
        {
            prescription.lines.Add(new PrescriptionItem(prescription.Id, item, line));
        }

        prescription.ContentHash = prescription.ComputeContentHash();
        return prescription;
    }

    /// <summary>
    /// The signed content in a fixed order and format (UTF-8 JSON, invariant numbers, UTC time to the tick):
    /// identical content always gives the identical text, and so the identical hash.
    /// </summary>
    public string CanonicalContent() => JsonSerializer.Serialize(new
    {
        prescription = Id.ToString("D"),
        request = RenewalRequestId.ToString("D"),
        patient = PatientId.ToString("D"),
        number = Number,
        doctor = DoctorId.ToString("D"),
        signer = SignedByAccountId.ToString("D"),
        signedAt = SignedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        note = Note,
        lines = lines.OrderBy(l => l.Line.DrugCode, StringComparer.Ordinal).Select(l => new
        {
            code = l.Line.DrugCode,
            name = l.Line.DrugName,
            strength = l.Line.Strength,
            dose = l.Line.DoseAmount.ToString("0.####", CultureInfo.InvariantCulture),
            unit = l.Line.DoseUnit,
            frequency = l.Line.Frequency,
            route = l.Line.Route,
            days = l.DaysSupply,
            quantity = l.Quantity,
        }),
    });

    public string ComputeContentHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalContent())));

    /// <summary>Whether the stored content still matches the hash taken at signing.</summary>
    public bool IsIntact() => string.Equals(ContentHash, ComputeContentHash(), StringComparison.Ordinal);

    internal void Supersede() => Superseded = true;
}

/// <summary>One line of a signed prescription.</summary>
public sealed class PrescriptionItem
{
    private PrescriptionItem()
    {
        Line = DrugLine.Empty;
    }

    internal PrescriptionItem(Guid prescriptionId, RenewalItem item, PrescribedLine line)
    {
        Id = NewId.Next();
        PrescriptionId = prescriptionId;
        RenewalItemId = item.Id;
        DrugId = item.DrugId;

        // The doctor may change the dose and frequency; the medicine, its strength, unit and route stay as requested.
        Line = item.Line with { DoseAmount = line.DoseAmount, Frequency = DoseFrequency.Normalise(line.Frequency) };
        DaysSupply = line.DaysSupply;
        Quantity = line.Quantity;
    }

    public Guid Id { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public Guid RenewalItemId { get; private set; }
    public Guid DrugId { get; private set; }

    /// <summary>The medicine as signed: the dose and frequency are the doctor's.</summary>
    public DrugLine Line { get; private set; }

    public int DaysSupply { get; private set; }

    /// <summary>Dispensing units (tablets, capsules, pens).</summary>
    public int Quantity { get; private set; }

    public decimal DailyDose => Line.DoseAmount * DoseFrequency.TimesPerDay(Line.Frequency);
}

/// <summary>A pharmacist's decision on a signed prescription, with the automated findings as they were shown.</summary>
public sealed class PharmacistReview
{
    public const int MinimumJustificationLength = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PharmacistReview()
    {
        PharmacistName = FindingsJson = string.Empty;
    }

    internal PharmacistReview(Guid id, Guid renewalRequestId, Guid prescriptionId, Guid pharmacistAccountId, string pharmacistName, DateTimeOffset at, bool approved, string? text, IReadOnlyList<CheckFinding> findings)
    {
        Id = id;
        RenewalRequestId = renewalRequestId;
        PrescriptionId = prescriptionId;
        PharmacistAccountId = pharmacistAccountId;
        PharmacistName = pharmacistName;
        At = at;
        Approved = approved;
        Justification = approved ? (string.IsNullOrWhiteSpace(text) ? null : text) : null;
        Reason = approved ? null : text;
        HighestSeverity = findings.Count == 0 ? null : findings.Max(f => f.Severity);
        FindingsJson = JsonSerializer.Serialize(findings, Json);
    }

    public Guid Id { get; private set; }
    public Guid RenewalRequestId { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public Guid PharmacistAccountId { get; private set; }
    public string PharmacistName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public bool Approved { get; private set; }

    /// <summary>Why the pharmacist approved despite a severe finding.</summary>
    public string? Justification { get; private set; }

    /// <summary>Why the pharmacist sent it back to the doctor.</summary>
    public string? Reason { get; private set; }

    public FindingSeverity? HighestSeverity { get; private set; }

    /// <summary>The findings shown at the decision, kept for traceability.</summary>
    public string FindingsJson { get; private set; }

    public IReadOnlyList<CheckFinding> Findings() => JsonSerializer.Deserialize<List<CheckFinding>>(FindingsJson, Json) ?? [];
}
