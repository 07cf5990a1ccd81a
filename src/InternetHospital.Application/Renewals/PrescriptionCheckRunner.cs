using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>Runs the automated pharmacist checks on a request's current prescription against the patient's record.</summary>
public interface IPrescriptionCheckRunner
{
    Task<PrescriptionCheckResult> RunAsync(RenewalRequest request, CancellationToken cancellationToken);
}

public sealed record PrescriptionCheckResult(MedicationHistory History, IReadOnlyList<CheckFinding> Findings)
{
    public bool NeedsJustification => Findings.Any(f => f.Severity == FindingSeverity.Severe);
}

internal sealed class PrescriptionCheckRunner(IAppDbContext db, IMedicationHistory histories) : IPrescriptionCheckRunner
{
    public async Task<PrescriptionCheckResult> RunAsync(RenewalRequest request, CancellationToken cancellationToken)
    {
        var history = await histories.LoadAsync(request.PatientId, cancellationToken);
        var prescription = request.CurrentPrescription ?? throw new InvalidOperationException("Nothing has been signed yet.");
        var drugIds = prescription.Lines.Select(l => l.DrugId).ToList();
        var drugs = await db.Drugs.AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);

        // Note: the table is small reference data; loading it whole keeps the check a pure function over it.
        var interactions = await db.DrugInteractions.AsNoTracking().ToListAsync(cancellationToken);
        var findings = PrescriptionChecks.Run(
            prescription.Lines.Select(l => new CheckedLine(drugs[l.DrugId], l.DailyDose)).ToList(),
            history.OtherActive(excludingRequestId: request.Id),
            history.Allergies.Select(a => a.Substance).ToList(),
            history.PatientAge,
            interactions);
        return new PrescriptionCheckResult(history, findings);
    }
}
