namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// The call's membership changed (someone entered or left): decide again whether it is recorded. A newcomer who has not
/// consented stops a running recording; the last one without consent leaving lets it start. Sent by the hub after it
/// has entered or removed the caller, so it sees the call as it now is. Needs no role of its own: it only acts on what
/// the room already holds, for a visit the caller is in.
/// </summary>
public sealed record ReconsiderRecording(Guid VisitId) : ICommand<RecordingStatusDto>
{
    public sealed class Handler(IAppDbContext db, IVisitRecorder recorder, IVisitRoom room, IAfterCommit afterCommit, ICurrentUser currentUser, TimeProvider clock)
        : ICommandHandler<ReconsiderRecording, RecordingStatusDto>
    {
        public async ValueTask<RecordingStatusDto> Handle(ReconsiderRecording command, CancellationToken cancellationToken)
        {
            // Note: not through VisitAccess: the caller may have just been removed from the room (a revoked proxy leaves on
            // disconnect) and the decision must still be taken for the others.
            var visit = await db.VideoVisits.Include(v => v.RecordingConsents).SingleOrDefaultAsync(v => v.Id == command.VisitId, cancellationToken)
                ?? throw new NotFoundException("Visit", command.VisitId);
            return await RecordingDecisions.ApplyAsync(db, recorder, room, afterCommit, visit, currentUser.AccountId, clock.GetUtcNow(), cancellationToken);
        }
    }
}
