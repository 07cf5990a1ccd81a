using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Patients;
using Mediator;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Renewals;

/// <summary>
/// "My medications": the HIS list (with the time it was read) merged with prescriptions approved in this portal, the
/// allergies on record, and for each medicine whether it can be renewed online and if not, why.
/// </summary>
public sealed record GetMyMedications(Guid PatientId) : IQuery<MedicationsView>
{
    public sealed class Handler(IPatientAccessGuard guard, IMedicationHistory histories, IAuditLog audit, IOptions<RenewalOptions> options)
        : IQueryHandler<GetMyMedications, MedicationsView>
    {
        public async ValueTask<MedicationsView> Handle(GetMyMedications query, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(query.PatientId, PatientScope.Medications, cancellationToken);
            var history = await histories.LoadAsync(query.PatientId, cancellationToken);
            audit.Record("medications.read", nameof(Patient), query.PatientId.ToString(), query.PatientId);
            var medications = history.Medications
                .Select(m => new MyMedication(MedicationView.From(m), CheckRenewalEligibility.Assess(history, m.Drug, options.Value.DefaultDaysSupply, options.Value, capToMaximum: true)))
                .ToList();
            return new MedicationsView(query.PatientId, history.HisLinked, history.HisAsOf, history.HisStale, medications, history.Allergies.Select(AllergyView.From).ToList());
        }
    }
}

/// <param name="HisAsOf">When the HIS list was read; <paramref name="HisStale"/> means the HIS was unreachable and this is the last copy.</param>
public sealed record MedicationsView(Guid PatientId, bool HisLinked, DateTimeOffset? HisAsOf, bool HisStale, IReadOnlyList<MyMedication> Medications, IReadOnlyList<AllergyView> Allergies);

public sealed record MyMedication(MedicationView Medication, Renewability Renewal);
