using InternetHospital.Domain.Imaging;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Imaging;

/// <summary>
/// A patient (or whoever may see their results), or a doctor who treats the patient (the rule of
/// <see cref="ImagingAccess"/>), shares a study made elsewhere: a DICOM file, a zip of them or a zipped
/// CD, for a consultation. Every file is checked before any is stored; instances the PACS already holds are counted,
/// not stored again; the study becomes the patient's through one <see cref="SharedStudy"/> row.
/// </summary>
public sealed record ShareOutsideStudy(Guid PatientId, Stream Content, Guid? AppointmentId, ImagingReader Uploader = ImagingReader.Patient) : ICommand<SharedStudyUpload>
{
    public sealed class Validator : AbstractValidator<ShareOutsideStudy>
    {
        public Validator()
        {
            RuleFor(c => c.PatientId).NotEmpty();
            RuleFor(c => c.Content).NotNull();
            RuleFor(c => c.Uploader).IsInEnum();
        }
    }

    public sealed class Handler(
        IAppDbContext db, ImagingAccess access, ICurrentUser currentUser, IImagingArchive archive, IAuditLog audit, IOptions<ImagingUploadOptions> options, TimeProvider clock)
        : ICommandHandler<ShareOutsideStudy, SharedStudyUpload>
    {
        public async ValueTask<SharedStudyUpload> Handle(ShareOutsideStudy command, CancellationToken cancellationToken)
        {
            var patient = await access.PatientAsync(command.PatientId, command.Uploader, cancellationToken);
            if (command.AppointmentId is { } appointmentId
                && !await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.PatientId == command.PatientId, cancellationToken))
            {
                throw new NotFoundException("Appointment", appointmentId);
            }

            using var upload = DicomUploadReader.Read(command.Content, options.Value);
            if (upload.Files.Any(f => !OutsideStudyPatient.Matches(f.Header, patient.FullName, patient.DateOfBirth, patient.HisPatientId)))
            {
                throw new DomainRuleException(ImagingUploadProblems.PatientMismatch, "The study's patient name and birth date (or Patient ID) are not this patient's.");
            }

            var studyUid = upload.StudyInstanceUid;
            var existing = await archive.FindStudyAsync(studyUid, cancellationToken);
            var archivePatientId = ArchivePatientId(existing, upload, patient);
            var known = existing is null ? new HashSet<string>(StringComparer.Ordinal) : await InstancesInArchiveAsync(upload, cancellationToken);
            int stored = 0, duplicates = 0;
            foreach (var file in upload.Files)
            {
                if (!known.Add(file.Header.SopInstanceUid))
                {
                    duplicates++;
                    continue;
                }

                var content = upload.ReadContent(file);
                if (!string.Equals(file.Header.PatientId, archivePatientId, StringComparison.Ordinal))
                {
                    content = DicomPart10.WithPatientId(content, file.Header, archivePatientId);
                }

                await using var stream = new MemoryStream(content, writable: false);
                var result = await archive.StoreAsync(stream, cancellationToken);
                _ = result.AlreadyStored ? duplicates++ : stored++;
            }

            var shared = await db.SharedStudies.SingleOrDefaultAsync(s => s.PatientId == patient.Id && s.StudyInstanceUid == studyUid, cancellationToken);
            if (shared is null)
            {
                // Note: a zip may hold the same instance twice; the study holds it once.
                var instances = upload.Files.Select(f => f.Header.SopInstanceUid).Distinct(StringComparer.Ordinal).Count();
                db.SharedStudies.Add(SharedStudy.Share(patient.Id, studyUid, command.AppointmentId, currentUser.RequireAccountId(), upload.Description, instances, clock.GetUtcNow()));
            }
            else
            {
                shared.AddInstances(stored, upload.Description);
            }

            audit.Record("imaging.study.shared", nameof(SharedStudy), studyUid, patient.Id, $"stored={stored}; duplicates={duplicates}; skipped={upload.Skipped}");
            return new SharedStudyUpload(studyUid, stored, duplicates, upload.Description, upload.Skipped);
        }

        /// <summary>
        /// The Patient ID the study is filed under: the portal's id for the patient (see
        /// <see cref="OutsideStudyPatient.ArchivePatientId"/>). A study the PACS already has stays under its own Patient ID when
        /// that is the patient's (their HIS id, or the portal's id from an earlier upload); under anyone else's it is
        /// refused, whatever the files say, so an upload never makes another person's study visible.
        /// </summary>
        private static string ArchivePatientId(ArchivedStudy? existing, DicomUpload upload, Patient patient)
        {
            var portalId = OutsideStudyPatient.ArchivePatientId(patient.Id);
            var his = patient.HisPatientId is { Length: > 0 } id ? id : null;
            if (existing is null)
            {
                // Note: the hospital's own study (from a CD it burned) keeps the HIS id it was made with.
                return his is not null && upload.Files.All(f => f.Header.PatientId == his) ? his : portalId;
            }

            if (existing.PatientId == portalId || existing.PatientId == his)
            {
                return existing.PatientId;
            }

            throw new DomainRuleException(ImagingUploadProblems.PatientMismatch, "The archive holds this study for another patient.");
        }

        private async Task<HashSet<string>> InstancesInArchiveAsync(DicomUpload upload, CancellationToken cancellationToken)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var series in upload.Files.Select(f => f.Header.SeriesInstanceUid!).Distinct(StringComparer.Ordinal))
            {
                foreach (var instance in await archive.ListInstancesAsync(upload.StudyInstanceUid, series, cancellationToken))
                {
                    known.Add(instance.SopInstanceUid);
                }
            }

            return known;
        }
    }
}

/// <summary>What an upload did: the study, the instances stored now and those the PACS already had, and a CD's own files left out.</summary>
public sealed record SharedStudyUpload(string StudyInstanceUid, int Stored, int Duplicates, string? Description, int Skipped);
