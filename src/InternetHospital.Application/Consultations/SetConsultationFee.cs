using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

/// <summary>An admin sets the fee of consultations one institution asks of another (0 = free). Requests already made keep their fee.</summary>
public sealed record SetConsultationFee(Guid FromFacilityId, Guid ToFacilityId, decimal Amount) : ICommand<ConsultationFeeView>
{
    public sealed class Validator : AbstractValidator<SetConsultationFee>
    {
        public Validator()
        {
            RuleFor(x => x.FromFacilityId).NotEmpty();
            RuleFor(x => x.ToFacilityId).NotEmpty();
        }
    }

    public sealed class Handler(IAppDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<SetConsultationFee, ConsultationFeeView>
    {
        public async ValueTask<ConsultationFeeView> Handle(SetConsultationFee command, CancellationToken cancellationToken)
        {
            var ids = new[] { command.FromFacilityId, command.ToFacilityId };
            var facilities = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            var from = facilities.GetValueOrDefault(command.FromFacilityId) ?? throw new NotFoundException("Facility", command.FromFacilityId);
            var to = facilities.GetValueOrDefault(command.ToFacilityId) ?? throw new NotFoundException("Facility", command.ToFacilityId);
            if (from.Id == to.Id)
            {
                throw new DomainRuleException("consultation_same_institution", "A fee applies between two different institutions.");
            }

            var now = clock.GetUtcNow();
            var rule = await db.ConsultationFeeRules.SingleOrDefaultAsync(r => r.FromFacilityId == from.Id && r.ToFacilityId == to.Id, cancellationToken);
            if (rule is null)
            {
                rule = ConsultationFeeRule.Create(from.Id, to.Id, command.Amount, now);
                db.ConsultationFeeRules.Add(rule);
            }
            else
            {
                rule.Change(command.Amount, now);
            }

            audit.Record("consultation.fee_set", nameof(ConsultationFeeRule), rule.Id.ToString(), null, $"from={from.Id} to={to.Id} amount={rule.Amount}");
            return new ConsultationFeeView(new ConsultationPlace(from.Id, from.Name, from.NameEn), new ConsultationPlace(to.Id, to.Name, to.NameEn), rule.Amount, rule.UpdatedAt);
        }
    }
}
