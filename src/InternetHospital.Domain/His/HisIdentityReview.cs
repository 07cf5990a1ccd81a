using InternetHospital.Domain.Common;

namespace InternetHospital.Domain.His;

public enum HisIdentityReviewReason
{
    /// <summary>The HIS has a patient with this resident ID number but another name or date of birth.</summary>
    Mismatch = 1,

    /// <summary>The HIS has several patients with this resident ID number.</summary>
    MultipleCandidates = 2,

    /// <summary>The HIS sent a result (ORU^R01) for a HIS patient no portal patient is linked to, naming this patient's ID number.</summary>
    InboundResult = 3,
}

public enum HisIdentityReviewStatus
{
    Pending = 1,
    Linked = 2,
    Rejected = 3,
}

/// <summary>A HIS patient the matcher found, as the HIS described them.</summary>
public sealed record HisIdentityCandidate(string HisPatientId, string MedicalRecordNumber, string FullName, DateOnly DateOfBirth, string Sex);

/// <summary>
/// Identity matching could not decide which HIS patient a portal patient is (a mismatch or several candidates),
/// so a person does: an admin links one candidate or rejects them all. The matcher never guesses.
/// </summary>
public sealed class HisIdentityReview
{
    private HisIdentityReview()
    {
        Candidates = [];
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public HisIdentityReviewReason Reason { get; private set; }
    public IReadOnlyList<HisIdentityCandidate> Candidates { get; private set; }
    public HisIdentityReviewStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedBy { get; private set; }
    public string? LinkedHisPatientId { get; private set; }
    public string? Note { get; private set; }

    public static HisIdentityReview Open(Guid patientId, HisIdentityReviewReason reason, IReadOnlyList<HisIdentityCandidate> candidates, DateTimeOffset now)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("A review needs at least one candidate.", nameof(candidates));
        }

        return new HisIdentityReview
        {
            Id = NewId.Next(),
            PatientId = patientId,
            Reason = reason,
            Candidates = [.. candidates],
            Status = HisIdentityReviewStatus.Pending,
            CreatedAt = now,
        };
    }

    /// <summary>The admin confirms one of the candidates; only a candidate the HIS offered can be chosen.</summary>
    public void Link(string hisPatientId, Guid adminAccountId, string? note, DateTimeOffset now)
    {
        EnsurePending();
        if (!Candidates.Any(c => c.HisPatientId == hisPatientId))
        {
            throw new DomainRuleException("his_candidate_unknown", "Only one of the candidates found in the HIS can be linked.");
        }

        Resolve(HisIdentityReviewStatus.Linked, adminAccountId, note, now);
        LinkedHisPatientId = hisPatientId;
    }

    /// <summary>None of the candidates is this patient.</summary>
    public void Reject(Guid adminAccountId, string? note, DateTimeOffset now)
    {
        EnsurePending();
        Resolve(HisIdentityReviewStatus.Rejected, adminAccountId, note, now);
    }

    private void Resolve(HisIdentityReviewStatus status, Guid adminAccountId, string? note, DateTimeOffset now)
    {
        Status = status;
        ResolvedBy = adminAccountId;
        ResolvedAt = now;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
    }

    private void EnsurePending()
    {
        if (Status != HisIdentityReviewStatus.Pending)
        {
            throw new DomainConflictException("his_review_resolved", "This identity review has already been resolved.");
        }
    }
}
