using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Record;

/// <summary>The visit's doctor writes or revises the note while the visit is open (during or after the call).</summary>
public sealed record SaveVisitNote(
    Guid VisitId,
    string? ChiefComplaint,
    string? History,
    string? Assessment,
    string? Plan,
    IReadOnlyList<DiagnosisInput>? Diagnoses,
    string? FollowUpAdvice) : ICommand<VisitNoteDto>
{
    public sealed class Validator : AbstractValidator<SaveVisitNote>
    {
        public Validator()
        {
            RuleFor(x => x.ChiefComplaint).MaximumLength(NoteContent.MaxTextLength);
            RuleFor(x => x.History).MaximumLength(NoteContent.MaxTextLength);
            RuleFor(x => x.Assessment).MaximumLength(NoteContent.MaxTextLength);
            RuleFor(x => x.Plan).MaximumLength(NoteContent.MaxTextLength);
            RuleFor(x => x.FollowUpAdvice).MaximumLength(NoteContent.MaxTextLength);
            RuleFor(x => x.Diagnoses).Must(d => d is null || d.Count <= NoteContent.MaxDiagnoses)
                .WithLocalizedMessage("too_many_diagnoses", NoteContent.MaxDiagnoses);
            RuleForEach(x => x.Diagnoses).NotNull().ChildRules(d =>
            {
                // Note: ICD-10 shape (letter, two digits, optional subdivision); a hospital's own list may hold codes
                // beyond the bundled one, so the shape is checked, not membership.
                d.RuleFor(x => x.Code).NotEmpty().Matches("^[A-Za-z][0-9]{2}(\\.[0-9A-Za-z]{1,4})?$").WithLocalizedMessage("invalid_icd10_code");
                d.RuleFor(x => x.Description).NotEmpty().MaximumLength(200);
            });
        }
    }

    public sealed class Handler(VisitAccess access, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<SaveVisitNote, VisitNoteDto>
    {
        public async ValueTask<VisitNoteDto> Handle(SaveVisitNote command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.Note);
            VisitAccess.EnsureDoctor(role);
            var content = new NoteContent(
                command.ChiefComplaint ?? string.Empty,
                command.History ?? string.Empty,
                command.Assessment ?? string.Empty,
                command.Plan ?? string.Empty,
                (command.Diagnoses ?? []).Select(d => new NoteDiagnosis(d.Code, d.Description)).ToList(),
                command.FollowUpAdvice ?? string.Empty);
            visit.WriteNote(content, currentUser.RequireAccountId(), clock.GetUtcNow());
            audit.Record("visit.note_saved", "VideoVisit", visit.Id.ToString(), visit.PatientId);
            return VisitNoteDto.From(visit.Note!);
        }
    }
}

public sealed record DiagnosisInput(string Code, string Description);

public sealed record VisitNoteDto(
    string ChiefComplaint,
    string History,
    string Assessment,
    string Plan,
    IReadOnlyList<DiagnosisInput> Diagnoses,
    string FollowUpAdvice,
    Guid? FollowUpAppointmentId,
    DateTimeOffset LastEditedAt,
    NoteSignatureDto? Signature)
{
    public static VisitNoteDto From(VisitNote note) => new(
        note.ChiefComplaint,
        note.History,
        note.Assessment,
        note.Plan,
        note.Diagnoses.OrderBy(d => d.Position).Select(d => new DiagnosisInput(d.Icd10Code, d.Description)).ToList(),
        note.FollowUpAdvice,
        note.FollowUpAppointmentId,
        note.LastEditedAt,
        note.IsSigned ? new NoteSignatureDto(note.SignedByAccountId!.Value, note.SignedByName!, note.SignedAt!.Value, note.ContentHash!, note.VerifySignature()) : null);
}

/// <param name="Intact">The stored note still matches the hash taken at signing.</param>
public sealed record NoteSignatureDto(Guid SignedByAccountId, string SignedBy, DateTimeOffset SignedAt, string ContentHash, bool Intact);
