using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// The treating doctor broadcasts their camera in the visit's call to watching staff (teaching). Only through the media
/// server; only while the doctor is in the call; and, when anyone else is in the call, only when every one of them has
/// consented to the call being recorded (the same question, the stronger use: a procedure camera with the doctor alone
/// needs nobody's). The doctor is the commentator until they name another.
/// </summary>
public sealed record StartBroadcast(Guid VisitId) : ICommand<BroadcastDto>
{
    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IBroadcastServer server,
        IAuditLog audit,
        TimeProvider clock) : ICommandHandler<StartBroadcast, BroadcastDto>
    {
        public async ValueTask<BroadcastDto> Handle(StartBroadcast command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.RecordingConsents);
            if (role != VisitRole.Doctor)
            {
                throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor may broadcast it.");
            }

            Broadcasts.RequireServer(server);
            if (visit.IsFinished)
            {
                throw new DomainConflictException("visit_finished", "This visit has ended.");
            }

            if (await db.VisitBroadcasts.AnyAsync(b => b.VisitId == visit.Id && b.EndedAt == null, cancellationToken))
            {
                throw new DomainConflictException("broadcast_already_live", "This visit is being broadcast already.");
            }

            var me = currentUser.RequireAccountId();
            var inCall = await db.VisitConnections.AsNoTracking()
                .Where(c => c.VisitId == visit.Id && c.InCallSince != null && c.ClosedAt == null)
                .Select(c => new { c.ConnectionId, c.AccountId, c.InCallSince })
                .ToListAsync(cancellationToken);
            var source = inCall.Where(c => c.AccountId == me).OrderByDescending(c => c.InCallSince).FirstOrDefault()
                ?? throw new DomainConflictException("not_in_call", "Enter the call first: the broadcast shows your camera.");

            var consented = visit.RecordingConsents.Where(c => c.Consented).Select(c => c.AccountId).ToHashSet();
            if (inCall.Any(c => c.AccountId != me && !consented.Contains(c.AccountId)))
            {
                throw new DomainRuleException("broadcast_consent_missing", "Everyone in the call must consent to recording before it is broadcast.");
            }

            var broadcast = VisitBroadcast.Start(visit.Id, me, source.ConnectionId, clock.GetUtcNow());
            db.VisitBroadcasts.Add(broadcast);

            // Note: inside the unit of work: if Janus refuses, nothing is saved (503 media_unavailable).
            // Note: a broadcast of a connection that has not published yet would forward nothing, and the follow job only
            // moves a broadcast to a newer connection, so it would stay black: the doctor starts it once the camera is live.
            if (!await server.StartAsync(broadcast.Id, visit.Id, source.ConnectionId, null, cancellationToken))
            {
                throw new DomainConflictException("broadcast_camera_not_live", "Your camera is not live in the call yet: wait a moment and start the broadcast again.");
            }

            audit.Record("visit.broadcast_started", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"broadcast {broadcast.Id}");
            return BroadcastDto.From(broadcast);
        }
    }
}
