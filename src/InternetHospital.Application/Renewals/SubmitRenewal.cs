using InternetHospital.Application.Payments;
using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// A patient asks for their regular medicines again. Every eligibility rule is checked here (422 with the reason's code);
/// the request is routed to the patient's family doctors and the doctors who prescribed the medicines.
/// </summary>
/// <param name="GuardianPresent">The guardian of a child under 6 confirms they are present (domain rule 4; 422 <c>guardian_presence_required</c> without it).</param>
public sealed record SubmitRenewal(
    Guid PatientId,
    IReadOnlyList<SubmitRenewal.Item> Items,
    Fulfilment Fulfilment,
    string? DeliveryAddress,
    bool NewSymptoms,
    bool SideEffects,
    bool HospitalStay,
    bool Pregnancy,
    string? Details,
    bool GuardianPresent = false) : ICommand<PatientRenewalView>
{
    public const int MaxItems = 10;

    public sealed record Item(Guid DrugId, int DaysSupply);

    public sealed class Validator : AbstractValidator<SubmitRenewal>
    {
        public Validator()
        {
            RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= MaxItems).WithLocalizedMessage("too_many_items", MaxItems);
            RuleForEach(x => x.Items).NotNull().ChildRules(item =>
            {
                item.RuleFor(i => i.DrugId).NotEmpty();
                item.RuleFor(i => i.DaysSupply).InclusiveBetween(1, 366);
            });
            RuleFor(x => x.Items).Must(i => i is null || i.Any(x => x is null) || i.Select(x => x.DrugId).Distinct().Count() == i.Count).WithLocalizedMessage("duplicate_medicine");
            RuleFor(x => x.Fulfilment).IsInEnum();
            RuleFor(x => x.DeliveryAddress).NotEmpty().When(x => x.Fulfilment == Fulfilment.Delivery).WithLocalizedMessage("delivery_address_required");
            RuleFor(x => x.DeliveryAddress).MaximumLength(300);
            RuleFor(x => x.Details).MaximumLength(1000);
        }
    }

    public sealed class Handler(
        IPendingRenewalCounts pendingRenewals,
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IAccountService accounts,
        IMedicationHistory histories,
        ICareRelationships care,
        IAuditLog audit,
        IUnitOfWork unitOfWork,
        IRenewalNotifier notifier,
        IOptions<RenewalOptions> options,
        IOptions<PaymentOptions> payments,
        TimeProvider clock) : ICommandHandler<SubmitRenewal, PatientRenewalView>
    {
        public async ValueTask<PatientRenewalView> Handle(SubmitRenewal command, CancellationToken cancellationToken)
        {
            var acting = await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Medications, cancellationToken);
            if (acting.GuardianMustAttend && !command.GuardianPresent)
            {
                throw new DomainRuleException("guardian_presence_required", "A child this young has medicines renewed online only with a guardian present; confirm that you are.");
            }

            var accountId = currentUser.RequireAccountId();
            var history = await histories.LoadAsync(command.PatientId, cancellationToken);
            var drugIds = command.Items.Select(i => i.DrugId).ToList();
            var drugs = await db.Drugs.AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);

            var newItems = new List<NewRenewalItem>();
            var sources = new List<PatientMedication>();
            foreach (var item in command.Items)
            {
                var drug = drugs.GetValueOrDefault(item.DrugId);
                var reasons = RenewalEligibility.Evaluate(drug, drug is not null && history.WasPrescribed(drug.Id), history.DrugsWithOpenRequest.Contains(item.DrugId), item.DaysSupply, options.Value.LongPrescriptionMaxDays);
                if (reasons.Count > 0)
                {
                    throw new DomainRuleException(reasons[0], $"This medicine cannot be renewed online ({string.Join(", ", reasons)}).");
                }

                var source = history.LatestOf(drug!.Id)!;
                sources.Add(source);
                var frequency = DoseFrequency.IsKnown(source.Frequency) ? DoseFrequency.Normalise(source.Frequency) : "qd";
                newItems.Add(new NewRenewalItem(
                    drug.Id,
                    new DrugLine(drug.Code, drug.GenericName, drug.GenericNameEn, drug.Strength, source.DoseAmount ?? drug.StrengthValue, drug.DoseUnit, frequency, source.Route),
                    item.DaysSupply, source.Source, source.Prescriber, source.LastDispensedOn));
            }

            var routing = await RouteAsync(command.PatientId, sources, cancellationToken);
            var request = RenewalRequest.Submit(
                command.PatientId,
                accountId,
                newItems,
                command.Fulfilment,
                command.DeliveryAddress,
                new RenewalCheckAnswers(command.NewSymptoms, command.SideEffects, command.HospitalStay, command.Pregnancy, command.Details),
                routing,
                clock.GetUtcNow());
            if (acting.Relationship != PatientRelationship.Self)
            {
                // Note: the doctor and the pharmacist see who asked for the patient (and that a young child's guardian is there).
                var name = (await accounts.FindAsync(accountId, cancellationToken))?.FullName ?? string.Empty;
                request.RecordAttendance(name, acting.AttendingRelation, command.GuardianPresent);
            }

            db.RenewalRequests.Add(request);
            audit.Record("renewal.submitted", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, $"items={request.Items.Count};flagged={request.IsFlagged}");
            await notifier.PatientAsync(request, RenewalNotices.Submitted, cancellationToken);
            await notifier.PushToDoctorsAsync(request, cancellationToken);
            await pendingRenewals.PublishAsync(request.PatientId, cancellationToken);

            // Note: two submissions raced; the unique index on open items let one through.
            unitOfWork.OnUniqueViolation(_ => new DomainRuleException(RenewalEligibility.OpenRequestExists, "There is already an open request for this medicine."));

            return PatientRenewalView.From(request, payments.Value.Currency);
        }

        /// <summary>Family doctors first, then whoever prescribed each medicine (portal: the signer; HIS: the doctor of that name).</summary>
        private async Task<IReadOnlyList<(Guid DoctorId, RoutingReason Reason)>> RouteAsync(Guid patientId, IReadOnlyList<PatientMedication> sources, CancellationToken cancellationToken)
        {
            var routed = (await care.FamilyDoctorsOfAsync(patientId, cancellationToken)).Select(id => (id, RoutingReason.FamilyDoctor)).ToList();
            routed.AddRange(sources.Where(s => s.PrescriberDoctorId is not null).Select(s => (s.PrescriberDoctorId!.Value, RoutingReason.OriginalPrescriber)));

            // Note: the HIS names the prescriber; a name is used only when exactly one doctor of the portal has it.
            var names = sources.Where(s => s.Source == MedicationSource.His && !string.IsNullOrWhiteSpace(s.Prescriber)).Select(s => s.Prescriber!).Distinct().ToList();
            if (names.Count > 0)
            {
                var doctors = await db.Doctors.AsNoTracking().Where(d => names.Contains(d.FullName)).Select(d => new { d.Id, d.FullName }).ToListAsync(cancellationToken);
                routed.AddRange(doctors.GroupBy(d => d.FullName).Where(g => g.Count() == 1).Select(g => (g.Single().Id, RoutingReason.OriginalPrescriber)));
            }

            return routed.DistinctBy(r => r.Item1).ToList();
        }
    }
}
