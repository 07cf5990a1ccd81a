using System.Text.Json;
using InternetHospital.Domain.Consultations;

namespace InternetHospital.Application.Consultations;

public sealed record ConsultationView(
    Guid Id,
    ConsultationMode Mode,
    ConsultationUrgency Urgency,
    ConsultationStatus Status,
    Guid PatientId,
    string PatientName,
    ConsultationParty RequestingDoctor,
    ConsultationPlace FromFacility,
    ConsultationPlace ToFacility,
    ConsultationPlace? ToDepartment,
    IReadOnlyList<ConsultationSpecialistView> Specialists,
    string Question,
    JsonElement? RecordSummary,
    ConsultationConsentView Consent,
    IReadOnlyList<ConsultationAttachmentView> Attachments,
    decimal Fee,
    bool FeePaid,
    DateTimeOffset? ScheduledStart,
    bool PatientInvited,
    string? DeclineReason,
    ConsultationOpinionView? Opinion,
    IReadOnlyList<ConsultationAddendumView> Addenda,
    IReadOnlyList<ConsultationEventView> Timeline,
    DateTimeOffset CreatedAt,
    Guid? RoomId,
    bool CanDecide,
    bool CanSign,
    bool CanCancel,
    bool CanAmend);

public sealed record ConsultationParty(Guid DoctorId, string Name);

public sealed record ConsultationPlace(Guid Id, string Name, string NameEn);

public sealed record ConsultationSpecialistView(Guid DoctorId, string Name, string Title, string TitleEn, bool IsLead);

public sealed record ConsultationConsentView(ConsentMethod Method, string GivenBy, DateTimeOffset GivenAt);

/// <param name="Reference">The lab report's or file's id, or the imaging study's instance UID.</param>
public sealed record ConsultationAttachmentView(ConsultationAttachmentKind Kind, string Reference, string Title);

/// <param name="Verified">Whether the stored opinion still matches the hash taken when it was signed.</param>
public sealed record ConsultationOpinionView(
    string Text,
    ConsultationDisposition Disposition,
    string? SuggestedTests,
    string? SuggestedMedication,
    int? FollowUpInDays,
    string SignedByName,
    DateTimeOffset SignedAt,
    string ContentHash,
    bool Verified);

public sealed record ConsultationAddendumView(int Sequence, string Text, string AuthorName, DateTimeOffset At, string ContentHash);

public sealed record ConsultationEventView(int Sequence, ConsultationStatus Status, DateTimeOffset At, string? Note);

internal static class ConsultationViews
{
    /// <summary>Views for a doctor (<paramref name="viewer"/>) or for the patient's side (null: no record summary, no actions).</summary>
    public static async Task<IReadOnlyList<ConsultationView>> ToViewsAsync(IAppDbContext db, IReadOnlyList<Consultation> consultations, ConsultingDoctor? viewer, CancellationToken cancellationToken)
    {
        if (consultations.Count == 0)
        {
            return [];
        }

        var patientIds = consultations.Select(c => c.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var doctorIds = consultations.SelectMany(c => c.Specialists.Select(s => s.DoctorId).Append(c.RequestingDoctorId)).Distinct().ToList();
        var doctors = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var facilityIds = consultations.SelectMany(c => new[] { c.FromFacilityId, c.ToFacilityId }).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => new ConsultationPlace(f.Id, f.Name, f.NameEn), cancellationToken);
        var departmentIds = consultations.Where(c => c.ToDepartmentId is not null).Select(c => c.ToDepartmentId!.Value).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => new ConsultationPlace(d.Id, d.Name, d.NameEn), cancellationToken);

        return consultations.Select(c =>
        {
            var requester = doctors[c.RequestingDoctorId];
            var forDoctor = viewer is not null;
            var consulted = viewer is not null && ConsultationAccess.IsConsulted(c, viewer);
            return new ConsultationView(
                c.Id,
                c.Mode,
                c.Urgency,
                c.Status,
                c.PatientId,
                patients.GetValueOrDefault(c.PatientId, string.Empty),
                new ConsultationParty(requester.Id, requester.FullName),
                facilities[c.FromFacilityId],
                facilities[c.ToFacilityId],
                c.ToDepartmentId is { } department ? departments[department] : null,
                c.Specialists.Select(s => doctors[s.DoctorId]).Select(d => new ConsultationSpecialistView(d.Id, d.FullName, d.Title, d.TitleEn, c.LeadDoctorId == d.Id)).ToList(),
                c.Question,
                forDoctor && c.RecordSummary.Length > 0 ? JsonDocument.Parse(c.RecordSummary).RootElement.Clone() : null,
                new ConsultationConsentView(c.ConsentMethod, c.ConsentGivenBy, c.ConsentGivenAt),
                c.Attachments.Select(a => new ConsultationAttachmentView(a.Kind, a.Reference, a.Title)).ToList(),
                c.Fee,
                c.FeePaid,
                c.ScheduledStart,
                c.PatientInvited,
                c.DeclineReason,
                c.Opinion is { } o ? new ConsultationOpinionView(o.Text, o.Disposition, o.SuggestedTests, o.SuggestedMedication, o.FollowUpInDays, o.SignedByName, o.SignedAt, o.ContentHash, o.VerifySignature()) : null,
                c.Addenda.OrderBy(a => a.Sequence).Select(a => new ConsultationAddendumView(a.Sequence, a.Text, a.AuthorName, a.At, a.ContentHash)).ToList(),
                c.Events.OrderBy(e => e.Sequence).Select(e => new ConsultationEventView(e.Sequence, e.Status, e.At, forDoctor ? e.Note : null)).ToList(),
                c.CreatedAt,
                c.Mode == ConsultationMode.Video && c.Status == ConsultationStatus.InProgress && (forDoctor || c.PatientInvited) ? c.Id : null,
                consulted && c.IsOpen && c.Status != ConsultationStatus.InProgress,
                viewer is not null && c.LeadDoctorId == viewer.Doctor.Id && c.Status is ConsultationStatus.Scheduled or ConsultationStatus.InProgress,
                viewer is not null && c.RequestingDoctorId == viewer.Doctor.Id && c.Status is ConsultationStatus.Requested or ConsultationStatus.Scheduled,
                viewer is not null && c.LeadDoctorId == viewer.Doctor.Id && c.Status == ConsultationStatus.OpinionSigned);
        }).ToList();
    }

    public static async Task<ConsultationView> ToViewAsync(IAppDbContext db, Consultation consultation, ConsultingDoctor? viewer, CancellationToken cancellationToken) =>
        (await ToViewsAsync(db, [consultation], viewer, cancellationToken))[0];
}
