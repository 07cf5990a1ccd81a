using System.Globalization;
using System.Text;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.His;

/// <summary>
/// Links a portal patient to their record in the HIS: the HIS is searched by resident ID number, and the one
/// candidate must also have the same name and date of birth. Anything else (a mismatch, several candidates) goes to
/// an admin's verification queue instead of a guess. Linking is audit-logged.
/// </summary>
public sealed record MatchHisIdentity(Guid PatientId) : ICommand<HisIdentityMatch>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        IIdentifierProtector identifiers,
        IHisReader his,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<MatchHisIdentity, HisIdentityMatch>
    {
        public async ValueTask<HisIdentityMatch> Handle(MatchHisIdentity command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, cancellationToken);
            var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == command.PatientId, cancellationToken)
                ?? throw new NotFoundException("Patient", command.PatientId);
            if (patient.HisPatientId is not null)
            {
                return new HisIdentityMatch(HisIdentityMatchOutcome.AlreadyLinked);
            }

            if (await db.HisIdentityReviews.AnyAsync(r => r.PatientId == patient.Id && r.Status == HisIdentityReviewStatus.Pending, cancellationToken))
            {
                return new HisIdentityMatch(HisIdentityMatchOutcome.InReview);
            }

            if (patient.IdType != IdDocumentType.ResidentId)
            {
                // The HIS is searched by resident ID number; a passport holder is registered at the hospital's desk.
                return new HisIdentityMatch(HisIdentityMatchOutcome.NotFound);
            }

            var candidates = await his.FindPatientsAsync(new HisPatientQuery(ResidentIdNumber: identifiers.Reveal(patient.IdNumberCiphertext)), cancellationToken);
            var now = clock.GetUtcNow();
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
                    now);
                db.HisIdentityReviews.Add(review);
                audit.Record("his.identity.review_opened", nameof(HisIdentityReview), review.Id.ToString(), patient.Id, $"reason={reason}; candidates={candidates.Count}");
                result = new HisIdentityMatch(HisIdentityMatchOutcome.InReview);
            }

            await db.SaveChangesAsync(cancellationToken);
            return result;
        }

        private static bool SamePerson(Patient patient, HisPatient candidate) =>
            candidate.DateOfBirth == patient.DateOfBirth && HisNames.Same(candidate.FullName, patient.FullName);
    }
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
