using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Referrals;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Referrals;

public sealed record ReferralView(
    Guid Id,
    ReferralDirection Direction,
    ReferralUrgency Urgency,
    ReferralStatus Status,
    Guid PatientId,
    string PatientName,
    string FromDoctorName,
    NamePair FromFacility,
    NamePair ToFacility,
    NamePair? ToDepartment,
    NamePair? ToTeam,
    string Reason,
    string ClinicalQuestion,
    string? DeclineReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ReferralSlotView? ProposedSlot,
    Guid? AppointmentId,
    IReadOnlyList<ReferralAttachmentView> Attachments,
    IReadOnlyList<ReferralMedicineView> Medicines,
    IReadOnlyList<ReferralTaskView> Tasks,
    IReadOnlyList<ReferralEventView> Timeline,
    bool CanDecide,
    bool CanCancel);

public sealed record NamePair(Guid Id, string Name, string NameEn);

public sealed record ReferralSlotView(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, Guid DoctorId, string DoctorName);

/// <param name="Title">The lab report's name or the file's name (imaging studies will carry their description).</param>
public sealed record ReferralAttachmentView(ReferralAttachmentKind Kind, Guid ItemId, string Title);

public sealed record ReferralMedicineView(DrugLine Line, int Days);

public sealed record ReferralTaskView(string TemplateCode, string Title, string TitleEn, DateOnly DueOn, Guid? FollowUpPlanId);

public sealed record ReferralEventView(ReferralStatus Status, DateTimeOffset At, string? Note);

/// <summary>Turns referrals into what both institutions and the patient read, looking the names up in a few queries.</summary>
internal static class ReferralViews
{
    public static async Task<ReferralView> ToViewAsync(IAppDbContext db, Referral referral, ReferringDoctor? viewer, CancellationToken cancellationToken) =>
        (await ToViewsAsync(db, [referral], viewer, cancellationToken))[0];

    public static async Task<IReadOnlyList<ReferralView>> ToViewsAsync(IAppDbContext db, IReadOnlyList<Referral> referrals, ReferringDoctor? viewer, CancellationToken cancellationToken)
    {
        var patientIds = referrals.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.Where(p => patientIds.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var doctorIds = referrals.Select(r => r.FromDoctorId).Distinct().ToList();
        var doctors = await db.Doctors.Where(d => doctorIds.Contains(d.Id)).Select(d => new { d.Id, d.FullName }).ToDictionaryAsync(d => d.Id, d => d.FullName, cancellationToken);
        var facilityIds = referrals.SelectMany(r => new[] { r.FromFacilityId, r.ToFacilityId }).Distinct().ToList();
        var facilities = await db.Facilities.Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => new NamePair(f.Id, f.Name, f.NameEn), cancellationToken);
        var departmentIds = referrals.Where(r => r.ToDepartmentId is not null).Select(r => r.ToDepartmentId!.Value).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => new NamePair(d.Id, d.Name, d.NameEn), cancellationToken);
        var teamIds = referrals.Where(r => r.ToTeamId is not null).Select(r => r.ToTeamId!.Value).Distinct().ToList();
        var teams = await db.FamilyTeams.Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.NameEn }).ToDictionaryAsync(t => t.Id, t => new NamePair(t.Id, t.Name, t.NameEn), cancellationToken);
        var slotIds = referrals.Where(r => r.ProposedSlotId is not null).Select(r => r.ProposedSlotId!.Value).Distinct().ToList();
        var slots = await (from s in db.Slots
                           join d in db.Doctors on s.DoctorId equals d.Id
                           where slotIds.Contains(s.Id)
                           select new ReferralSlotView(s.Id, s.Start, s.End, d.Id, d.FullName)).ToDictionaryAsync(s => s.SlotId, cancellationToken);
        var reportIds = referrals.SelectMany(r => r.Attachments).Where(a => a.Kind == ReferralAttachmentKind.LabReport).Select(a => a.ItemId).ToList();
        var reports = await db.LabReports.Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var fileIds = referrals.SelectMany(r => r.Attachments).Where(a => a.Kind == ReferralAttachmentKind.File).Select(a => a.ItemId).ToList();
        var files = await db.Files.Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);

        return referrals.Select(r => new ReferralView(
            r.Id,
            r.Direction,
            r.Urgency,
            r.Status,
            r.PatientId,
            patients.GetValueOrDefault(r.PatientId) ?? string.Empty,
            doctors.GetValueOrDefault(r.FromDoctorId) ?? string.Empty,
            facilities[r.FromFacilityId],
            facilities[r.ToFacilityId],
            r.ToDepartmentId is { } dep ? departments[dep] : null,
            r.ToTeamId is { } team ? teams[team] : null,
            r.Reason,
            r.ClinicalQuestion,
            r.DeclineReason,
            r.CreatedAt,
            r.UpdatedAt,
            r.ProposedSlotId is { } slot ? slots.GetValueOrDefault(slot) : null,
            r.AppointmentId,
            r.Attachments.Select(a => new ReferralAttachmentView(a.Kind, a.ItemId, a.Kind switch
            {
                ReferralAttachmentKind.LabReport => reports.GetValueOrDefault(a.ItemId) ?? string.Empty,
                ReferralAttachmentKind.File => files.GetValueOrDefault(a.ItemId) ?? string.Empty,
                _ => string.Empty,
            })).ToList(),
            r.Medicines.Select(m => new ReferralMedicineView(m.Line, m.Days)).ToList(),
            r.Tasks.Select(t =>
            {
                var template = FollowUpTemplates.Find(t.TemplateCode);
                return new ReferralTaskView(t.TemplateCode, template?.Title ?? t.TemplateCode, template?.TitleEn ?? t.TemplateCode, t.DueOn, t.FollowUpPlanId);
            }).ToList(),
            r.Events.OrderBy(e => e.Sequence).Select(e => new ReferralEventView(e.Status, e.At, e.Note)).ToList(),
            viewer is not null && r.IsOpen && ReferralAccess.IsReceiver(r, viewer) && r.Status is ReferralStatus.Created or ReferralStatus.Accepted or ReferralStatus.AppointmentProposed or ReferralStatus.Booked,
            viewer is not null && r.IsOpen && r.FromDoctorId == viewer.Doctor.Id)).ToList();
    }
}
