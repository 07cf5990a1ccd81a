using InternetHospital.Domain.His;

namespace InternetHospital.Application.His;

/// <summary>The identity-verification queue: what the matcher could not decide, with the portal's and the HIS's view side by side.</summary>
public sealed record ListHisIdentityReviews(HisIdentityReviewStatus Status = HisIdentityReviewStatus.Pending) : IQuery<IReadOnlyList<HisIdentityReviewView>>
{
    public sealed class Validator : AbstractValidator<ListHisIdentityReviews>
    {
        public Validator()
        {
            RuleFor(x => x.Status).IsInEnum();
        }
    }

    public sealed class Handler(IAppDbContext db, IAuditLog audit) : IQueryHandler<ListHisIdentityReviews, IReadOnlyList<HisIdentityReviewView>>
    {
        public async ValueTask<IReadOnlyList<HisIdentityReviewView>> Handle(ListHisIdentityReviews query, CancellationToken cancellationToken)
        {
            var rows = await (
                from review in db.HisIdentityReviews.AsNoTracking()
                join patient in db.Patients.AsNoTracking() on review.PatientId equals patient.Id
                where review.Status == query.Status
                orderby review.CreatedAt
                select new { review, patient.FullName, patient.IdNumberMasked, patient.DateOfBirth, patient.Sex })
                .Take(200)
                .ToListAsync(cancellationToken);

            // Note: the admin sees names and birth dates of the people compared: each shown review is audit-logged.
            foreach (var row in rows)
            {
                audit.Record("his.identity.review.read", nameof(HisIdentityReview), row.review.Id.ToString(), row.review.PatientId);
            }

            return rows.Select(r => new HisIdentityReviewView(
                r.review.Id,
                r.review.PatientId,
                r.FullName,
                r.IdNumberMasked,
                r.DateOfBirth,
                r.Sex.ToString(),
                r.review.Reason,
                r.review.Status,
                r.review.CreatedAt,
                r.review.Candidates,
                r.review.LinkedHisPatientId,
                r.review.Note)).ToList();
        }
    }
}

public sealed record HisIdentityReviewView(
    Guid Id,
    Guid PatientId,
    string PatientName,
    string MaskedIdNumber,
    DateOnly DateOfBirth,
    string Sex,
    HisIdentityReviewReason Reason,
    HisIdentityReviewStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<HisIdentityCandidate> Candidates,
    string? LinkedHisPatientId,
    string? Note);
