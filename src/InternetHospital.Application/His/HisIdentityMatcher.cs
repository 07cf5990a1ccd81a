using System.Globalization;
using System.Text;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.His;

/// <summary>
/// Links a portal patient to their record in the HIS: the HIS is searched by resident ID number, and the one
/// candidate must also have the same name and date of birth. Anything else (a mismatch, several candidates) goes to
/// an admin's verification queue instead of a guess. Linking is audit-logged.
/// Used by the patient's request (<see cref="MatchHisIdentity"/>) and, without anyone asking, by the HIS dispatcher
/// before it introduces a newly registered patient to the HIS.
/// </summary>
public interface IHisIdentityMatcher
{
    /// <summary>Matches and saves the outcome. Throws <see cref="HisUnavailableException"/> when the HIS cannot be asked.</summary>
    Task<HisIdentityMatch> MatchAsync(Guid patientId, CancellationToken cancellationToken);
}

internal sealed class HisIdentityMatcher(
    IAppDbContext db,
    IIdentifierProtector identifiers,
    IHisReader his,
    IAuditLog audit,
    TimeProvider clock) : IHisIdentityMatcher
{
    public async Task<HisIdentityMatch> MatchAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        if (patient.HisPatientId is not null)
        {
            return new HisIdentityMatch(HisIdentityMatchOutcome.AlreadyLinked);
        }

        if (await OpenReviewExistsAsync(patient.Id, cancellationToken))
        {
            return new HisIdentityMatch(HisIdentityMatchOutcome.InReview);
        }

        if (patient.IdType != IdDocumentType.ResidentId)
        {
            // The HIS is searched by resident ID number; a passport holder is registered at the hospital's desk.
            return new HisIdentityMatch(HisIdentityMatchOutcome.NotFound);
        }

        var candidates = await his.FindPatientsAsync(new HisPatientQuery(ResidentIdNumber: identifiers.Reveal(patient.IdNumberCiphertext)), cancellationToken);
        HisIdentityMatch result;
        if (candidates.Count == 0)
        {
            audit.Record("his.identity.not_found", nameof(Patient), patient.Id.ToString(), patient.Id);
            result = new HisIdentityMatch(HisIdentityMatchOutcome.NotFound);
        }
        else if (candidates.Count == 1 && SamePerson(patient, candidates[0])
            && !await db.Patients.AnyAsync(p => p.HisPatientId == candidates[0].HisPatientId, cancellationToken))
        {
            patient.LinkToHis(candidates[0].HisPatientId);
            audit.Record("his.identity.linked", nameof(Patient), patient.Id.ToString(), patient.Id, "automatic: resident ID number, name and date of birth agree");
            result = new HisIdentityMatch(HisIdentityMatchOutcome.Linked);
        }
        else
        {
            var reason = candidates.Count > 1 ? HisIdentityReviewReason.MultipleCandidates : HisIdentityReviewReason.Mismatch;
            var review = HisIdentityReview.Open(
                patient.Id,
                reason,
                candidates.Select(c => new HisIdentityCandidate(c.HisPatientId, c.MedicalRecordNumber, c.FullName, c.DateOfBirth, c.Sex)).ToList(),
                clock.GetUtcNow());
            db.HisIdentityReviews.Add(review);
            audit.Record("his.identity.review_opened", nameof(HisIdentityReview), review.Id.ToString(), patient.Id, $"reason={reason}; candidates={candidates.Count}");
            result = new HisIdentityMatch(HisIdentityMatchOutcome.InReview);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException) when (result.Outcome == HisIdentityMatchOutcome.InReview)
        {
            // The patient's request and the dispatcher matched at the same time: the review the other opened stands.
        }

        return result;
    }

    private Task<bool> OpenReviewExistsAsync(Guid patientId, CancellationToken cancellationToken) =>
        db.HisIdentityReviews.AnyAsync(r => r.PatientId == patientId && r.Status == HisIdentityReviewStatus.Pending, cancellationToken);

    private static bool SamePerson(Patient patient, HisPatient candidate) =>
        candidate.DateOfBirth == patient.DateOfBirth && HisNames.Same(candidate.FullName, patient.FullName);
}

public enum HisIdentityMatchOutcome
{
    /// <summary>Exactly one HIS patient with the same ID number, name and date of birth: linked.</summary>
    Linked,

    /// <summary>Already linked before.</summary>
    AlreadyLinked,

    /// <summary>A mismatch or several candidates: an admin decides.</summary>
    InReview,

    /// <summary>The HIS does not know this person (yet): the registration message will introduce them.</summary>
    NotFound,
}

public sealed record HisIdentityMatch(HisIdentityMatchOutcome Outcome);

/// <summary>Names compared as people write them: width (全角/半角), case and spaces do not matter; characters do.</summary>
public static class HisNames
{
    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '·' && c != '•' && c != '.')
            {
                text.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
