using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>The patient as an inbound HL7 v2 message names them (PID).</summary>
public sealed record InboundPatient(string HisPatientId, string? ResidentIdNumber, string? MedicalRecordNumber, string FullName, DateOnly? DateOfBirth, string Sex);

/// <summary>
/// The reports the HIS sent in one message (HL7 v2 ORU^R01 over MLLP, one per OBR; no person is signed in), stored
/// together or not at all. Each is stored once per message control id and OBR position (the key is the control id for
/// the first report and "id#n" for the n-th, so a resent message changes nothing) and once per report id. A report for
/// a HIS patient no portal patient is linked to is kept (nothing is lost, nothing is shown); when the message names the
/// resident ID number of a portal patient who is not linked yet, an identity review is opened for an admin, who links
/// them, after which the patient sees the reports.
/// </summary>
public sealed record ReceiveLabReport(string MessageControlId, InboundPatient Patient, IReadOnlyList<HisLabReport> Reports) : ICommand<LabReceipt>
{
    /// <summary>The longest message control id the portal accepts (the stored key adds "#n" to it).</summary>
    public const int MaxControlIdLength = 96;

    /// <summary>The key a report is de-duplicated under: the control id, and its OBR position after the first.</summary>
    public static string ReportKey(string messageControlId, int position) =>
        position == 1 ? messageControlId : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{messageControlId}#{position}");

    public sealed class Handler(IAppDbContext db, LabResultIntake intake, IIdentifierProtector identifiers, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<ReceiveLabReport, LabReceipt>
    {
        public async ValueTask<LabReceipt> Handle(ReceiveLabReport command, CancellationToken cancellationToken)
        {
            var outcomes = new List<LabIntakeOutcome>();
            Guid? patientId = null;
            var patientRead = false;
            for (var i = 0; i < command.Reports.Count; i++)
            {
                var report = command.Reports[i];
                var key = ReportKey(command.MessageControlId, i + 1);
                var outcome = await intake.StoreAsync(command.Patient.HisPatientId, report, key, cancellationToken);
                outcomes.Add(outcome);
                if (outcome == LabIntakeOutcome.Unchanged)
                {
                    continue;
                }

                if (!patientRead)
                {
                    patientId = await db.Patients.Where(p => p.HisPatientId == command.Patient.HisPatientId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
                    patientRead = true;
                }

                audit.Record("results.received", nameof(LabReport), report.ReportId, patientId, $"outcome={outcome}; control={key}");
            }

            if (!patientRead || patientId is not null)
            {
                return new LabReceipt(outcomes, PatientKnown: true, ReviewOpened: false);
            }

            return new LabReceipt(outcomes, PatientKnown: false, ReviewOpened: await OpenReviewAsync(command.Patient, cancellationToken));
        }

        private async Task<bool> OpenReviewAsync(InboundPatient inbound, CancellationToken cancellationToken)
        {
            if (inbound.ResidentIdNumber is not { Length: > 0 } idNumber)
            {
                return false;
            }

            var hash = identifiers.Hash(IdDocumentType.ResidentId, idNumber.Trim().ToUpperInvariant());
            var patient = await db.Patients.SingleOrDefaultAsync(p => p.IdNumberHash == hash && p.HisPatientId == null, cancellationToken);
            if (patient is null
                || await db.HisIdentityReviews.AnyAsync(r => r.PatientId == patient.Id && r.Status == HisIdentityReviewStatus.Pending, cancellationToken))
            {
                return false;
            }

            var review = HisIdentityReview.Open(
                patient.Id,
                HisIdentityReviewReason.InboundResult,
                [new HisIdentityCandidate(inbound.HisPatientId, inbound.MedicalRecordNumber ?? string.Empty, inbound.FullName, inbound.DateOfBirth ?? DateOnly.MinValue, inbound.Sex)],
                clock.GetUtcNow());
            db.HisIdentityReviews.Add(review);
            audit.Record("his.identity.review_opened", nameof(HisIdentityReview), review.Id.ToString(), patient.Id, $"reason={HisIdentityReviewReason.InboundResult}; candidates=1");
            return true;
        }
    }
}

/// <param name="Outcomes">What happened to each report, in the message's order.</param>
/// <param name="PatientKnown">Whether a portal patient is linked to the reports' HIS patient.</param>
/// <param name="ReviewOpened">Whether an identity review was opened for an admin.</param>
public sealed record LabReceipt(IReadOnlyList<LabIntakeOutcome> Outcomes, bool PatientKnown, bool ReviewOpened);
