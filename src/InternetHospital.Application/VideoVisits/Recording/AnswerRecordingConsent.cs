namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// A participant answers "May this visit be recorded?" (domain rule 30). Recording runs only while everyone in the call
/// has said yes; a no (or a changed answer) stops it at once. Any participant of an open visit may answer for themselves.
/// </summary>
public sealed record AnswerRecordingConsent(Guid VisitId, bool? Consent) : ICommand<RecordingStatusDto>
{
    public sealed class Validator : AbstractValidator<AnswerRecordingConsent>
    {
        public Validator() => RuleFor(x => x.Consent).NotNull();
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IVisitRecorder recorder,
        IVisitRoom room,
        IAfterCommit afterCommit,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<AnswerRecordingConsent, RecordingStatusDto>
    {
        public async ValueTask<RecordingStatusDto> Handle(AnswerRecordingConsent command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.RecordingConsents);
            var accountId = currentUser.RequireAccountId();
            var now = clock.GetUtcNow();
            visit.AnswerRecordingConsent(accountId, role, command.Consent!.Value, now);
            audit.Record("visit.recording_consent", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"{role}: {(command.Consent.Value ? "given" : "refused")}");
            return await RecordingDecisions.ApplyAsync(db, recorder, room, afterCommit, visit, accountId, now, cancellationToken);
        }
    }
}
