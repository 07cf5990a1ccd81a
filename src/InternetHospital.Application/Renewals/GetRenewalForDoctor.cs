using InternetHospital.Application.His;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// A request as the doctor decides on it: the patient, the check answers and flags, the medicines with the catalogue's
/// limits, the patient's history from the HIS (diagnoses, medicines, allergies) and anything the pharmacist said.
/// </summary>
public sealed record GetRenewalForDoctor(Guid RenewalId) : IQuery<DoctorRenewalView>
{
    public sealed class Handler(IRenewalAccess access, IMedicationHistory histories, IHisReader his, IAppDbContext db, IAuditLog audit, IOptions<RenewalOptions> options)
        : IQueryHandler<GetRenewalForDoctor, DoctorRenewalView>
    {
        public async ValueTask<DoctorRenewalView> Handle(GetRenewalForDoctor query, CancellationToken cancellationToken)
        {
            var (request, doctor) = await access.ForDoctorAsync(query.RenewalId, cancellationToken);
            var history = await histories.LoadAsync(request.PatientId, cancellationToken);
            IReadOnlyList<HisDiagnosis> diagnoses = history.Patient.HisPatientId is { } hisId
                ? (await his.GetDiagnosesAsync(hisId, cancellationToken)).Value
                : [];
            var drugIds = request.Items.Select(i => i.DrugId).ToList();
            var drugs = await db.Drugs.AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            audit.Record("renewal.read", nameof(RenewalRequest), request.Id.ToString(), request.PatientId, "doctor");

            return new DoctorRenewalView(
                request.Id,
                request.Reference,
                PatientBrief.From(history),
                RenewalAttendingView.From(request),
                request.Status,
                request.SubmittedAt,
                request.Fulfilment,
                CheckAnswersView.From(request),
                request.Flags,
                request.Routing.Where(r => r.DoctorId == doctor.Id).Select(r => r.Reason.ToString()).FirstOrDefault() ?? (request.OpenToAllDoctors ? "OpenToAll" : null),
                request.Status is RenewalStatus.Submitted or RenewalStatus.PharmacistRejected,
                request.Items.Select(i => new DoctorItemView(RenewalItemView.From(i), DrugLimits.For(drugs[i.DrugId], options.Value.LongPrescriptionMaxDays))).ToList(),
                request.Prescriptions.OrderByDescending(p => p.Number).Select(PrescriptionView.From).ToList(),
                request.PharmacistReason,
                request.Reviews.OrderBy(r => r.At).Select(ReviewView.From).ToList(),
                request.DoctorReason,
                history.Medications.Select(MedicationView.From).ToList(),
                diagnoses.Select(d => new DiagnosisView(d.Icd10Code, d.Description, d.DiagnosedOn, d.InPerson, d.Practitioner)).ToList(),
                history.Allergies.Select(AllergyView.From).ToList(),
                history.HisAsOf,
                history.HisStale,
                request.Events.OrderBy(e => e.Sequence).Select(e => new RenewalEventView(e.Sequence, e.At, e.Status, e.Note)).ToList());
        }
    }
}

public sealed record DoctorRenewalView(
    Guid Id,
    string Reference,
    PatientBrief Patient,
    RenewalAttendingView? Attending,
    RenewalStatus Status,
    DateTimeOffset SubmittedAt,
    Fulfilment Fulfilment,
    CheckAnswersView Answers,
    IReadOnlyList<string> Flags,
    string? RoutedBecause,
    bool CanDecide,
    IReadOnlyList<DoctorItemView> Items,
    IReadOnlyList<PrescriptionView> Prescriptions,
    string? PharmacistReason,
    IReadOnlyList<ReviewView> Reviews,
    string? DoctorReason,
    IReadOnlyList<MedicationView> Medications,
    IReadOnlyList<DiagnosisView> Diagnoses,
    IReadOnlyList<AllergyView> Allergies,
    DateTimeOffset? HisAsOf,
    bool HisStale,
    IReadOnlyList<RenewalEventView> History);

public sealed record DoctorItemView(RenewalItemView Item, DrugLimits Limits);

public sealed record DiagnosisView(string Icd10Code, string Description, DateOnly DiagnosedOn, bool InPerson, string? Practitioner);
