using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Referrals;
using InternetHospital.Application.Results;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// A community doctor refers a patient of theirs up to a hospital department (双向转诊, up): reason, clinical question,
/// urgency, the patient's released lab reports and documents uploaded for the referral. A department that takes no
/// referrals answers 422 <c>referral_department_closed</c>. The department's doctors are told.
/// </summary>
public sealed record ReferPatientUp(
    Guid PatientId,
    Guid DepartmentId,
    ReferralUrgency Urgency,
    string Reason,
    string? ClinicalQuestion,
    IReadOnlyList<Guid>? LabReportIds,
    IReadOnlyList<Guid>? FileIds) : ICommand<ReferralView>
{
    public sealed class Validator : AbstractValidator<ReferPatientUp>
    {
        public Validator()
        {
            RuleFor(x => x.PatientId).NotEmpty();
            RuleFor(x => x.DepartmentId).NotEmpty();
            RuleFor(x => x.Urgency).IsInEnum();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(Referral.MaxReasonLength);
            RuleFor(x => x.ClinicalQuestion).MaximumLength(Referral.MaxQuestionLength);
            RuleFor(x => x.LabReportIds).Must(ids => ids is null || ids.Count <= Referral.MaxAttachments).WithLocalizedMessage("too_many_referral_items");
            RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Count <= Referral.MaxAttachments).WithLocalizedMessage("too_many_referral_items");
        }
    }

    public sealed class Handler(IAppDbContext db, ReferralAccess access, INotifier notifier, IAuditLog audit, TimeProvider clock) : ICommandHandler<ReferPatientUp, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(ReferPatientUp command, CancellationToken cancellationToken)
        {
            var me = await access.CurrentDoctorAsync(cancellationToken);
            await access.EnsureTreatsAsync(me, command.PatientId, cancellationToken);
            if (me.FacilityKind != FacilityKind.CommunityHealthCentre)
            {
                throw new DomainRuleException("referral_up_from_community", "Referrals up to a hospital department start at a community health centre.");
            }

            var target = await (from d in db.Departments
                                join f in db.Facilities on d.FacilityId equals f.Id
                                where d.Id == command.DepartmentId
                                select new { d.Id, f.Kind, FacilityId = f.Id }).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Department", command.DepartmentId);
            var open = await db.DepartmentReferralSettings.AnyAsync(s => s.DepartmentId == target.Id && s.AcceptsReferrals, cancellationToken);
            if (!open || target.Kind != FacilityKind.Hospital)
            {
                throw new DomainRuleException("referral_department_closed", "This department does not take referrals.");
            }

            var now = clock.GetUtcNow();
            var attachments = new List<AttachmentRef>();
            var reportIds = (command.LabReportIds ?? []).Distinct().ToList();
            if (reportIds.Count > 0)
            {
                // Note: only the patient's own reports the patient can already see; a sensitive one not yet released stays out.
                var hisPatientId = await db.Patients.Where(p => p.Id == command.PatientId).Select(p => p.HisPatientId).SingleAsync(cancellationToken);
                var found = hisPatientId is null ? [] : await db.LabReports.AsNoTracking().VisibleTo(hisPatientId, now).Where(r => reportIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
                if (reportIds.Except(found).FirstOrDefault() is var missing && missing != Guid.Empty)
                {
                    throw new NotFoundException("Lab report", missing);
                }

                attachments.AddRange(reportIds.Select(id => new AttachmentRef(ReferralAttachmentKind.LabReport, id)));
            }

            var fileIds = (command.FileIds ?? []).Distinct().ToList();
            if (fileIds.Count > 0)
            {
                var found = await db.Files.Where(f => fileIds.Contains(f.Id) && f.PatientId == command.PatientId && f.Purpose == UploadReferralFile.Purpose).Select(f => f.Id).ToListAsync(cancellationToken);
                if (fileIds.Except(found).FirstOrDefault() is var missing && missing != Guid.Empty)
                {
                    throw new NotFoundException("File", missing);
                }

                attachments.AddRange(fileIds.Select(id => new AttachmentRef(ReferralAttachmentKind.File, id)));
            }

            var referral = Referral.Up(
                new NewUpReferral(command.PatientId, me.Doctor.Id, me.FacilityId, target.FacilityId, target.Id, command.Urgency, command.Reason, command.ClinicalQuestion ?? string.Empty, attachments),
                me.Doctor.AccountId,
                now);
            db.Referrals.Add(referral);
            audit.Record("referral.created", nameof(Referral), referral.Id.ToString(), command.PatientId, $"up from={referral.FromFacilityId} to={referral.ToFacilityId}");
            foreach (var account in await access.ReceiverAccountsAsync(referral, cancellationToken))
            {
                await notifier.NotifyAsync(new Notice(account, ReferralNotifications.Received, new Dictionary<string, string>(StringComparer.Ordinal) { ["referralId"] = referral.Id.ToString() }, $"{ReferralNotifications.DoctorLink}/{referral.Id}"), cancellationToken);
            }

            return await ReferralViews.ToViewAsync(db, referral, me, cancellationToken);
        }
    }
}
