using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.VideoVisits;

/// <summary>An ICD-10 diagnosis as the doctor recorded it: the code and the text they chose.</summary>
public sealed record NoteDiagnosis(string Icd10Code, string Description);

/// <summary>What the doctor writes. The text is kept exactly as written (it is not translated for the patient).</summary>
public sealed record NoteContent(
    string ChiefComplaint,
    string History,
    string Assessment,
    string Plan,
    IReadOnlyList<NoteDiagnosis> Diagnoses,
    string FollowUpAdvice)
{
    public const int MaxTextLength = 4000;
    public const int MaxDiagnoses = 10;
}

/// <summary>
/// The visit record. A draft while the visit is open; completing the visit signs it: the signer, the time and a SHA-256
/// hash over a canonical form of everything signed, so any later change to the stored text is detectable.
/// </summary>
public sealed class VisitNote
{
    private readonly List<VisitDiagnosis> diagnoses = [];

    private VisitNote()
    {
        ChiefComplaint = History = Assessment = Plan = FollowUpAdvice = string.Empty;
    }

    internal VisitNote(Guid visitId, NoteContent content, Guid authorAccountId, DateTimeOffset now)
        : this()
    {
        VisitId = visitId;
        Apply(content, authorAccountId, now);
    }

    /// <summary>The visit's id (one note per visit).</summary>
    public Guid VisitId { get; private set; }

    public string ChiefComplaint { get; private set; }
    public string History { get; private set; }
    public string Assessment { get; private set; }
    public string Plan { get; private set; }
    public string FollowUpAdvice { get; private set; }
    public IReadOnlyList<VisitDiagnosis> Diagnoses => diagnoses;
    public Guid? FollowUpAppointmentId { get; private set; }
    public Guid LastEditedByAccountId { get; private set; }
    public DateTimeOffset LastEditedAt { get; private set; }
    public Guid? SignedByAccountId { get; private set; }
    public string? SignedByName { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalText"/> at signing.</summary>
    public string? ContentHash { get; private set; }

    public bool IsSigned => SignedAt is not null;

    internal void Revise(NoteContent content, Guid authorAccountId, DateTimeOffset now)
    {
        if (IsSigned)
        {
            throw new DomainConflictException("note_signed", "The note is signed; a correction is an addendum.");
        }

        Apply(content, authorAccountId, now);
    }

    internal void SetFollowUpAppointment(Guid appointmentId) => FollowUpAppointmentId = appointmentId;

    internal void Sign(Guid accountId, string name, DateTimeOffset now)
    {
        if (IsSigned)
        {
            throw new DomainConflictException("note_signed", "The note is already signed.");
        }

        if (string.IsNullOrWhiteSpace(ChiefComplaint) || string.IsNullOrWhiteSpace(Assessment) || string.IsNullOrWhiteSpace(Plan) || diagnoses.Count == 0)
        {
            throw new DomainRuleException("note_incomplete", "A signed note needs the chief complaint, the assessment, the plan and at least one diagnosis.");
        }

        SignedByAccountId = accountId;
        SignedByName = name;
        SignedAt = now;
        ContentHash = Hash(CanonicalText());
    }

    /// <summary>Whether the stored note still matches the hash taken when it was signed.</summary>
    public bool VerifySignature() => IsSigned && string.Equals(ContentHash, Hash(CanonicalText()), StringComparison.Ordinal);

    /// <summary>
    /// The signed content in a fixed form: JSON with a fixed property order, times in UTC round-trip format, so the
    /// same note always hashes the same on any machine.
    /// </summary>
    public string CanonicalText()
    {
        var canonical = new
        {
            visit = VisitId.ToString("D"),
            chiefComplaint = ChiefComplaint,
            history = History,
            assessment = Assessment,
            plan = Plan,
            diagnoses = diagnoses.OrderBy(d => d.Position).Select(d => new { code = d.Icd10Code, text = d.Description }).ToArray(),
            followUpAdvice = FollowUpAdvice,
            followUpAppointment = FollowUpAppointmentId?.ToString("D"),
            signedBy = SignedByAccountId?.ToString("D"),
            signedByName = SignedByName,
            signedAt = SignedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        return JsonSerializer.Serialize(canonical);
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private void Apply(NoteContent content, Guid authorAccountId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Diagnoses.Count > NoteContent.MaxDiagnoses)
        {
            throw new DomainRuleException("too_many_diagnoses", $"A note lists at most {NoteContent.MaxDiagnoses} diagnoses.");
        }

        ChiefComplaint = Clean(content.ChiefComplaint);
        History = Clean(content.History);
        Assessment = Clean(content.Assessment);
        Plan = Clean(content.Plan);
        FollowUpAdvice = Clean(content.FollowUpAdvice);
        diagnoses.Clear();
        var position = 0;
        foreach (var diagnosis in content.Diagnoses.DistinctBy(d => d.Icd10Code.Trim().ToUpperInvariant()))
        {
            diagnoses.Add(new VisitDiagnosis(NewId.Next(), VisitId, ++position, diagnosis.Icd10Code.Trim().ToUpperInvariant(), Clean(diagnosis.Description)));
        }

        LastEditedByAccountId = authorAccountId;
        LastEditedAt = now;
    }

    private static string Clean(string? text) => (text ?? string.Empty).Trim();
}

public sealed class VisitDiagnosis
{
    private VisitDiagnosis()
    {
        Icd10Code = Description = string.Empty;
    }

    internal VisitDiagnosis(Guid id, Guid visitId, int position, string icd10Code, string description)
    {
        Id = id;
        VisitId = visitId;
        Position = position;
        Icd10Code = icd10Code;
        Description = description;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public int Position { get; private set; }
    public string Icd10Code { get; private set; }
    public string Description { get; private set; }
}

/// <summary>
/// A correction or addition to a finished visit's record (domain rule 11: signed records are read-only). Each addendum
/// is signed by its author and chained to the hash before it, so removing or editing one breaks the chain.
/// </summary>
public sealed class VisitAddendum
{
    private VisitAddendum()
    {
        Text = AuthorName = ContentHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public int Sequence { get; private set; }
    public string Text { get; private set; }
    public Guid AuthorAccountId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? PreviousHash { get; private set; }
    public string ContentHash { get; private set; }

    internal static VisitAddendum Create(Guid visitId, int sequence, string text, Guid author, string authorName, DateTimeOffset now, string? previousHash)
    {
        var addendum = new VisitAddendum
        {
            Id = NewId.Next(),
            VisitId = visitId,
            Sequence = sequence,
            Text = text,
            AuthorAccountId = author,
            AuthorName = authorName,
            At = now,
            PreviousHash = previousHash,
        };
        addendum.ContentHash = VisitNote.Hash(addendum.CanonicalText());
        return addendum;
    }

    public string CanonicalText() => JsonSerializer.Serialize(new
    {
        visit = VisitId.ToString("D"),
        sequence = Sequence,
        text = Text,
        author = AuthorAccountId.ToString("D"),
        authorName = AuthorName,
        at = At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        previous = PreviousHash,
    });
}
