namespace InternetHospital.Application.Consultations;

/// <summary>Every ordered pair of institutions with its consultation fee (no rule: free, the consortium's default).</summary>
public sealed record ListConsultationFees : IQuery<IReadOnlyList<ConsultationFeeView>>
{
    public sealed class Handler(IAppDbContext db) : IQueryHandler<ListConsultationFees, IReadOnlyList<ConsultationFeeView>>
    {
        public async ValueTask<IReadOnlyList<ConsultationFeeView>> Handle(ListConsultationFees query, CancellationToken cancellationToken)
        {
            var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
            var rules = await db.ConsultationFeeRules.AsNoTracking().ToListAsync(cancellationToken);
            return (from asker in facilities
                    from to in facilities
                    where asker.Id != to.Id
                    let rule = rules.SingleOrDefault(r => r.FromFacilityId == asker.Id && r.ToFacilityId == to.Id)
                    select new ConsultationFeeView(
                        new ConsultationPlace(asker.Id, asker.Name, asker.NameEn), new ConsultationPlace(to.Id, to.Name, to.NameEn), rule?.Amount ?? 0m, rule?.UpdatedAt)).ToList();
        }
    }
}

public sealed record ConsultationFeeView(ConsultationPlace From, ConsultationPlace To, decimal Amount, DateTimeOffset? UpdatedAt);
