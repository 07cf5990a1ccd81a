using InternetHospital.Application.Common.Icd10;

namespace InternetHospital.Application.VideoVisits;

/// <summary>Diagnosis look-up for the visit note: by code (<c>I10</c>, <c>e11</c>) or words in Chinese or English.</summary>
public sealed record SearchIcd10(string Query, int Limit = 20) : IQuery<IReadOnlyList<Icd10Entry>>
{
    public sealed class Validator : AbstractValidator<SearchIcd10>
    {
        public Validator()
        {
            RuleFor(x => x.Query).NotEmpty().MaximumLength(60);
            RuleFor(x => x.Limit).InclusiveBetween(1, 50);
        }
    }

    public sealed class Handler : IQueryHandler<SearchIcd10, IReadOnlyList<Icd10Entry>>
    {
        public ValueTask<IReadOnlyList<Icd10Entry>> Handle(SearchIcd10 query, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Icd10Catalog.Instance.Search(query.Query, query.Limit));
    }
}
