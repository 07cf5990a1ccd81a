using InternetHospital.Application.His;
using InternetHospital.Domain.His;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Results;

namespace InternetHospital.Application.Results;

/// <summary>The patient as an inbound HL7 v2 message names them (PID).</summary>
public sealed record InboundPatient(string HisPatientId, string? ResidentIdNumber, string? MedicalRecordNumber, string FullName, DateOnly? DateOfBirth, string Sex);

/// <summary>
/// A report the HIS sent (HL7 v2 ORU^R01 over MLLP; no person is signed in). Stored once per message control id and
/// per report. A report for a HIS patient no portal patient is linked to is kept (nothing is lost, nothing is shown);
/// when the message names the resident ID number of a portal patient who is not linked yet, an identity review is
/// opened for an admin, who links them, after which the patient sees the report.
/// </summary>
public sealed record ReceiveLabReport(string MessageControlId, InboundPatient Patient, HisLabReport Report) : ICommand<LabReceipt>
{
    public sealed class Handler(IAppDbContext db, LabResultIntake intake, IIdentifierProtector identifiers, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<ReceiveLabReport, LabReceipt>
    {
        public async ValueTask<LabReceipt> Handle(ReceiveLabReport command, CancellationToken cancellationToken)
        {
            var outcome = await intake.StoreAsync(command.Patient.HisPatientId, command.Report, command.MessageControlId, cancellationToken);
            if (outcome == LabIntakeOutcome.Unchanged)
            {
                return new LabReceipt(outcome, PatientKnown: true, ReviewOpened: false);
            }

            var patientId = await db.Patients.Where(p => p.HisPatientId == command.Patient.HisPatientId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            audit.Record("results.received", nameof(LabReport), command.Report.ReportId, patientId, $"outcome={outcome}; control={command.MessageControlId}");
            if (patientId is not null)
            {
                return new LabReceipt(outcome, PatientKnown: true, ReviewOpened: false);
            }

            return new LabReceipt(outcome, PatientKnown: false, ReviewOpened: await OpenReviewAsync(command.Patient, cancellationToken));
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

/// <param name="PatientKnown">Whether a portal patient is linked to the report's HIS patient.</param>
/// <param name="ReviewOpened">Whether an identity review was opened for an admin.</param>
public sealed record LabReceipt(LabIntakeOutcome Outcome, bool PatientKnown, bool ReviewOpened);
