using FluentValidation;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// Whether one medicine can be renewed online for this patient with this days supply, and every reason it cannot:
/// the same rules <see cref="SubmitRenewal"/> enforces, offered before submitting.
/// </summary>
public sealed record CheckRenewalEligibility(Guid PatientId, Guid DrugId, int? DaysSupply) : IQuery<Renewability>
{
    public sealed class Validator : AbstractValidator<CheckRenewalEligibility>
    {
        public Validator()
        {
            RuleFor(x => x.DaysSupply).InclusiveBetween(1, 366).When(x => x.DaysSupply is not null);
        }
    }

    public sealed class Handler(IPatientAccessGuard guard, IMedicationHistory histories, IAppDbContext db, IOptions<RenewalOptions> options)
        : IQueryHandler<CheckRenewalEligibility, Renewability>
    {
        public async ValueTask<Renewability> Handle(CheckRenewalEligibility query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Medications, cancellationToken);
            var drug = await db.Drugs.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DrugId, cancellationToken)
                ?? throw new NotFoundException("Drug", query.DrugId);
            var history = await histories.LoadAsync(query.PatientId, cancellationToken);
            return Assess(history, drug, query.DaysSupply ?? options.Value.DefaultDaysSupply, options.Value, capToMaximum: query.DaysSupply is null);
        }
    }

    /// <summary>The eligibility of a drug for a patient. With <paramref name="capToMaximum"/> the days supply is first lowered to what is allowed.</summary>
    public static Renewability Assess(MedicationHistory history, Drug? drug, int daysSupply, RenewalOptions options, bool capToMaximum)
    {
        if (drug is null)
        {
            return new Renewability(false, [RenewalEligibility.NotInCatalogue], null, null, null, null, null);
        }

        var maximum = RenewalEligibility.MaxDaysSupply(drug, options.LongPrescriptionMaxDays);
        var days = capToMaximum ? Math.Min(daysSupply, maximum) : daysSupply;
        var reasons = RenewalEligibility.Evaluate(drug, history.WasPrescribed(drug.Id), history.DrugsWithOpenRequest.Contains(drug.Id), days, options.LongPrescriptionMaxDays);
        return new Renewability(reasons.Count == 0, reasons, drug.Id, maximum, Math.Min(options.DefaultDaysSupply, maximum), drug.ControlCategory, days);
    }
}

/// <param name="Reasons">Stable codes (e.g. <c>special_control_drug</c>) the client translates; empty when eligible.</param>
public sealed record Renewability(bool Eligible, IReadOnlyList<string> Reasons, Guid? DrugId, int? MaxDaysSupply, int? DefaultDaysSupply, ControlCategory? ControlCategory, int? DaysSupply);
