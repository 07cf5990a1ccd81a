using System.Text.Json;
using InternetHospital.Application.His;
using InternetHospital.Application.Imaging;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

/// <summary>
/// A doctor asks a specialist, several specialists (an MDT) or a department of another institution for a remote
/// consultation (远程会诊) about a patient of theirs: the question, the urgency, video or written, the patient's recorded
/// consent (in the app, or on paper attested by the doctor: without it 422 <c>consultation_consent_required</c>), the
/// record summary from the HIS, and attachments (released lab reports, the patient's own imaging studies by UID,
/// uploaded files). A video consultation asks as many specialists as the media path's room holds with the requester
/// and the patient (two on the browser mesh, up to five through Janus). The fee of the institution pair is fixed at
/// this moment. The specialist side is told.
/// </summary>
public sealed record RequestConsultation(
    Guid PatientId,
    ConsultationMode Mode,
    ConsultationUrgency Urgency,
    string Question,
    Guid? DepartmentId,
    IReadOnlyList<Guid>? SpecialistDoctorIds,
    ConsentInput? Consent,
    IReadOnlyList<Guid>? LabReportIds,
    IReadOnlyList<string>? StudyInstanceUids,
    IReadOnlyList<Guid>? FileIds) : ICommand<ConsultationView>
{
    public sealed class Validator : AbstractValidator<RequestConsultation>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.Mode).IsInEnum();
            RuleFor(x => x.Urgency).IsInEnum();
            RuleFor(x => x.Question).NotEmpty().MaximumLength(Consultation.MaxQuestionLength);
            RuleFor(x => x.SpecialistDoctorIds).Must(ids => ids is null || ids.Count <= Consultation.MaxSpecialists).WithLocalizedMessage("too_many_consultation_items");
            RuleFor(x => x.LabReportIds).Must(ids => ids is null || ids.Count <= Consultation.MaxAttachments).WithLocalizedMessage("too_many_consultation_items");
            RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Count <= Consultation.MaxAttachments).WithLocalizedMessage("too_many_consultation_items");
            RuleFor(x => x.StudyInstanceUids).Must(ids => ids is null || ids.Count <= Consultation.MaxAttachments).WithLocalizedMessage("too_many_consultation_items");
            RuleForEach(x => x.StudyInstanceUids).NotEmpty().MaximumLength(64).Matches(@"^[0-9.]+$");
            RuleFor(x => x.Consent!.Method).IsInEnum().When(x => x.Consent is not null);
            RuleFor(x => x.Consent!.GivenBy).MaximumLength(100).When(x => x.Consent is not null);
        }
    }

    public sealed class Handler(IAppDbContext db, ConsultationAccess access, IHisReader his, IImagingArchive archive, ImagingAccess imaging, VideoVisits.Media.CallMedia media, TimeProvider clock)
        : ICommandHandler<RequestConsultation, ConsultationView>
    {
        public async ValueTask<ConsultationView> Handle(RequestConsultation command, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, command.PatientId, cancellationToken);
            var now = clock.GetUtcNow();

            // Consent first: without it nothing else is looked at (domain rule 28).
            ConsultationConsentGrant? grant = null;
            ConsultationConsent? consent = null;
            if (command.Consent?.Method == ConsentMethod.InApp)
            {
                var since = now - ConsultationConsentGrant.ValidFor;
                grant = await db.ConsultationConsentGrants
                    .Where(g => g.PatientId == command.PatientId && g.UsedByConsultationId == null && g.GivenAt > since)
                    .OrderByDescending(g => g.GivenAt)
                    .FirstOrDefaultAsync(cancellationToken);
                consent = grant?.AsConsent();
            }
            else if (command.Consent is { Method: ConsentMethod.Paper, GivenBy: { } givenBy } && !string.IsNullOrWhiteSpace(givenBy))
            {
                consent = new ConsultationConsent(ConsentMethod.Paper, givenBy, me.Doctor.AccountId, now);
            }

            if (consent is null)
            {
                throw new DomainRuleException("consultation_consent_required", "Record the patient's consent (in the app, or on paper attested by you) before asking for a consultation.");
            }

            var (toFacilityId, specialists) = await TargetAsync(command, cancellationToken);
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == command.PatientId, cancellationToken);
            var attachments = await AttachmentsAsync(command, patient, now, cancellationToken);
            var fee = await db.ConsultationFeeRules.Where(r => r.FromFacilityId == me.FacilityId && r.ToFacilityId == toFacilityId).Select(r => (decimal?)r.Amount).SingleOrDefaultAsync(cancellationToken) ?? 0m;

            var consultation = Consultation.Request(
                new NewConsultation(
                    command.PatientId,
                    me.Doctor.Id,
                    me.Doctor.AccountId,
                    me.FacilityId,
                    toFacilityId,
                    command.DepartmentId,
                    specialists,
                    command.Mode,
                    command.Urgency,
                    command.Question,
                    await SummaryAsync(patient.HisPatientId, cancellationToken),
                    consent,
                    attachments,
                    fee),
                media.MaxParticipants,
                now);
            grant?.MarkUsed(consultation.Id);
            db.Consultations.Add(consultation);
            access.Audit(consultation, "consultation.requested");
            await access.TellConsultedAsync(consultation, ConsultationNotifications.Requested, cancellationToken);
            return await ConsultationViews.ToViewAsync(db, consultation, me, cancellationToken);
        }

        /// <summary>The institution asked, and the specialists named (all of that one institution; the department, if given, too).</summary>
        private async Task<(Guid FacilityId, IReadOnlyList<ConsultationSpecialistRef> Specialists)> TargetAsync(RequestConsultation command, CancellationToken cancellationToken)
        {
            var ids = (command.SpecialistDoctorIds ?? []).Distinct().ToList();
            var named = await (from d in db.Doctors.AsNoTracking()
                               join dep in db.Departments on d.DepartmentId equals dep.Id
                               where ids.Contains(d.Id)
                               select new { d.Id, d.AccountId, dep.FacilityId }).ToListAsync(cancellationToken);
            if (ids.Except(named.Select(n => n.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
            {
                throw new NotFoundException("Doctor", missing);
            }

            var facilities = named.Select(n => n.FacilityId).ToHashSet();
            if (command.DepartmentId is { } departmentId)
            {
                facilities.Add(await db.Departments.Where(d => d.Id == departmentId).Select(d => (Guid?)d.FacilityId).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Department", departmentId));
            }

            if (facilities.Count == 0)
            {
                throw new DomainRuleException("consultation_specialist_required", "Ask a specialist, several specialists or a department.");
            }

            if (facilities.Count > 1)
            {
                throw new DomainRuleException("consultation_one_institution", "The specialists asked work at one institution (and in the department asked, if any).");
            }

            return (facilities.Single(), named.Select(n => new ConsultationSpecialistRef(n.Id, n.AccountId)).ToList());
        }

        private async Task<List<ConsultationAttachmentRef>> AttachmentsAsync(RequestConsultation command, Domain.Patients.Patient patient, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var attachments = new List<ConsultationAttachmentRef>();
            var reportIds = (command.LabReportIds ?? []).Distinct().ToList();
            if (reportIds.Count > 0)
            {
                // Note: only the patient's own reports the patient can already see; a sensitive one not yet released stays out.
                var found = patient.HisPatientId is not { } hisId
                    ? []
                    : await db.LabReports.AsNoTracking().VisibleTo(hisId, now).Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
                if (reportIds.Except(found.Select(f => f.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
                {
                    throw new NotFoundException("Lab report", missing);
                }

                attachments.AddRange(found.Select(r => new ConsultationAttachmentRef(ConsultationAttachmentKind.LabReport, r.Id.ToString(), r.Name)));
            }

            foreach (var uid in (command.StudyInstanceUids ?? []).Distinct(StringComparer.Ordinal))
            {
                // Note: the patient's own study (by their HIS id in the PACS, or shared with them); anything else is 404.
                var (study, _) = await imaging.StudyAsync(archive, patient, uid, cancellationToken);
                attachments.Add(new ConsultationAttachmentRef(ConsultationAttachmentKind.Imaging, uid, Truncate(string.Join(' ', new[] { study.Modalities, study.Description }.Where(s => !string.IsNullOrWhiteSpace(s))))));
            }

            var fileIds = (command.FileIds ?? []).Distinct().ToList();
            if (fileIds.Count > 0)
            {
                var found = await db.Files.Where(f => fileIds.Contains(f.Id) && f.PatientId == patient.Id && f.Purpose == UploadConsultationFile.Purpose).Select(f => new { f.Id, f.FileName }).ToListAsync(cancellationToken);
                if (fileIds.Except(found.Select(f => f.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
                {
                    throw new NotFoundException("File", missing);
                }

                attachments.AddRange(found.Select(f => new ConsultationAttachmentRef(ConsultationAttachmentKind.File, f.Id.ToString(), Truncate(f.FileName))));
            }

            return attachments;
        }

        /// <summary>
        /// The record summary as the HIS gives it (problems, medicines, allergies), kept with the request as JSON so both
        /// sides read the same facts later. A patient not linked to the HIS, or a HIS that cannot be reached, gives an
        /// empty summary that says so rather than holding the request back.
        /// </summary>
        private async Task<string> SummaryAsync(string? hisPatientId, CancellationToken cancellationToken)
        {
            if (hisPatientId is null)
            {
                return JsonSerializer.Serialize(new RecordSummary("not_linked", null, [], [], []), Json);
            }

            try
            {
                var problems = await his.GetDiagnosesAsync(hisPatientId, cancellationToken);
                var medicines = await his.GetMedicationsAsync(hisPatientId, cancellationToken);
                var allergies = await his.GetAllergiesAsync(hisPatientId, cancellationToken);
                var summary = new RecordSummary(
                    problems.IsStale || medicines.IsStale || allergies.IsStale ? "stale" : "current",
                    new[] { problems.AsOf, medicines.AsOf, allergies.AsOf }.Min(),
                    problems.Value.Take(20).Select(d => new SummaryProblem(d.Icd10Code, d.Description, d.DiagnosedOn)).ToList(),
                    medicines.Value.Where(m => m.Active).Take(20).Select(m => new SummaryMedicine(m.DrugName, m.Strength, m.Dose, m.Frequency, m.Route)).ToList(),
                    allergies.Value.Take(20).Select(a => new SummaryAllergy(a.Substance, a.Reaction, a.Severity)).ToList());
                return JsonSerializer.Serialize(summary, Json);
            }
            catch (HisUnavailableException)
            {
                return JsonSerializer.Serialize(new RecordSummary("unavailable", null, [], [], []), Json);
            }
        }

        private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    }
}

/// <param name="GivenBy">Paper consent: who signed it as the doctor attests (the patient, or their guardian). Ignored in the app.</param>
public sealed record ConsentInput(ConsentMethod Method, string? GivenBy);

/// <param name="Source"><c>current</c>, <c>stale</c> (the HIS was down: the last copy), <c>unavailable</c> or <c>not_linked</c>.</param>
public sealed record RecordSummary(string Source, DateTimeOffset? AsOf, IReadOnlyList<SummaryProblem> Problems, IReadOnlyList<SummaryMedicine> Medicines, IReadOnlyList<SummaryAllergy> Allergies);

public sealed record SummaryProblem(string Code, string Description, DateOnly Since);

public sealed record SummaryMedicine(string Name, string Strength, string Dose, string Frequency, string Route);

public sealed record SummaryAllergy(string Substance, string Reaction, string Severity);
