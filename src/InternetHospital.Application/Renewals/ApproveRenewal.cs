using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// The doctor approves a renewal and signs the prescription personally (domain rule 6), possibly changing the dose,
/// frequency or days supply within the limits. Only a doctor eligible for online practice signs, and never for a
/// patient who is themselves (by account or by identity). The pharmacist reviews it next.
/// </summary>
public sealed record ApproveRenewal(Guid RenewalId, IReadOnlyList<ApproveRenewal.Line>? Lines, string? Note) : ICommand<DoctorDecision>
{
    public sealed record Line(Guid ItemId, decimal DoseAmount, string Frequency, int DaysSupply);

    public sealed class Validator : AbstractValidator<ApproveRenewal>
    {
        public Validator()
        {
            RuleForEach(x => x.Lines).NotNull().ChildRules(line =>
            {
                line.RuleFor(l => l.ItemId).NotEmpty();
                line.RuleFor(l => l.DoseAmount).GreaterThan(0).LessThanOrEqualTo(100_000);
                line.RuleFor(l => l.Frequency).Must(DoseFrequency.IsKnown).WithLocalizedMessage("unknown_frequency", string.Join(", ", DoseFrequency.Codes));
                line.RuleFor(l => l.DaysSupply).InclusiveBetween(1, 366);
            });
            RuleFor(x => x.Note).MaximumLength(1000);
        }
    }

    public sealed class Handler(
        IPendingRenewalCounts pendingRenewals,
        IRenewalAccess access,
        IAppDbContext db,
        IAccountService accounts,
        IAuditLog audit,
        IRenewalNotifier notifier,
        IOptions<RenewalOptions> options,
        TimeProvider clock) : ICommandHandler<ApproveRenewal, DoctorDecision>
    {
        public async ValueTask<DoctorDecision> Handle(ApproveRenewal command, CancellationToken cancellationToken)
        {
            var (request, doctor) = await access.ForDoctorAsync(command.RenewalId, cancellationToken);
            var now = clock.GetUtcNow();
            if (!doctor.IsEligibleForOnlinePractice(DateOnly.FromDateTime(now.UtcDateTime)))
            {
                throw new DomainRuleException("doctor_not_eligible", "A licence on file and three years of independent practice are needed to prescribe online.");
            }

            await EnsureNotSelfAsync(doctor, request.PatientId, cancellationToken);

            var drugIds = request.Items.Select(i => i.DrugId).ToList();
            var drugs = await db.Drugs.AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var lines = new List<PrescribedLine>();
            foreach (var item in request.Items)
            {
                var changed = command.Lines?.FirstOrDefault(l => l.ItemId == item.Id);
                var dose = changed?.DoseAmount ?? item.Line.DoseAmount;
                var frequency = DoseFrequency.Normalise(changed?.Frequency ?? item.Line.Frequency);
                var days = changed?.DaysSupply ?? item.DaysSupply;
                var drug = drugs[item.DrugId];
                var reasons = RenewalEligibility.DaysSupplyReasons(drug, days, options.Value.LongPrescriptionMaxDays);
                if (drug.IsSpecialControl)
                {
                    throw new DomainRuleException(RenewalEligibility.SpecialControl, "Special-control drugs are never prescribed online.");
                }

                if (reasons.Count > 0)
                {
                    throw new DomainRuleException(reasons[0], $"{drug.GenericNameEn}: the days supply is outside the limits.");
                }

                lines.Add(new PrescribedLine(item.Id, dose, frequency, days, drug.QuantityFor(dose * DoseFrequency.TimesPerDay(frequency), days)));
            }

            if (command.Lines is { } given && given.Any(l => request.Items.All(i => i.Id != l.ItemId)))
            {
                throw new DomainRuleException("lines_must_match_items", "A line refers to a medicine that is not in this request.");
            }

            var prescription = request.ApproveByDoctor(new Signer(doctor.Id, doctor.AccountId, doctor.FullName), lines, command.Note, now);
            audit.Record("prescription.signed", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"prescription={prescription.Id};number={prescription.Number};sha256={prescription.ContentHash}");
            await notifier.PatientAsync(request, RenewalNotices.DoctorApproved, cancellationToken);
            notifier.PushToPharmacists(request);
            await notifier.PushToDoctorsAsync(request, cancellationToken);
            await pendingRenewals.PublishAsync(request.PatientId, cancellationToken);
            return DoctorDecision.From(request);
        }

        /// <summary>
        /// A doctor may also be a patient here. Signing for oneself is refused whether the patient record is reached
        /// through the doctor's own account or is the same person under another account (same name and mobile number).
        /// </summary>
        private async Task EnsureNotSelfAsync(Doctor doctor, Guid patientId, CancellationToken cancellationToken)
        {
            var byAccount = await db.PatientAccesses.AnyAsync(a => a.AccountId == doctor.AccountId && a.PatientId == patientId && a.RevokedAt == null, cancellationToken);
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);
            var account = await accounts.FindAsync(doctor.AccountId, cancellationToken);
            var byIdentity = account is not null
                && string.Equals(Normalise(account.FullName), Normalise(patient.FullName), StringComparison.Ordinal)
                && account.Mobile is { Length: > 0 } mobile
                && string.Equals(Digits(mobile), Digits(patient.Mobile), StringComparison.Ordinal);
            if (byAccount || byIdentity)
            {
                throw new DomainRuleException("cannot_prescribe_for_self", "Doctors cannot sign prescriptions for themselves.");
            }

            static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
            static string Digits(string number) => string.Concat(number.Where(char.IsDigit));
        }
    }
}

/// <summary>What a doctor's decision led to.</summary>
public sealed record DoctorDecision(Guid Id, string Reference, RenewalStatus Status, PrescriptionView? Prescription)
{
    public static DoctorDecision From(RenewalRequest request) => new(
        request.Id, request.Reference, request.Status, request.CurrentPrescription is { } p && request.Status == RenewalStatus.DoctorApproved ? PrescriptionView.From(p) : null);
}
