using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Broadcast;

/// <summary>
/// The broadcasting doctor names the commentator: themselves (their own sound, as at the start) or another doctor in
/// the call (the visit's specialist), whose voice then goes out over the picture.
/// </summary>
public sealed record SetBroadcastCommentator(Guid VisitId, Guid? AccountId) : ICommand<BroadcastDto>
{
    public sealed class Validator : AbstractValidator<SetBroadcastCommentator>
    {
        public Validator() => RuleFor(x => x.AccountId).NotNull();
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        IBroadcastServer server,
        IAuditLog audit) : ICommandHandler<SetBroadcastCommentator, BroadcastDto>
    {
        public async ValueTask<BroadcastDto> Handle(SetBroadcastCommentator command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken);
            if (role != VisitRole.Doctor)
            {
                throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor may choose the commentator.");
            }

            Broadcasts.RequireServer(server);
            var broadcast = await db.VisitBroadcasts.Include(b => b.Viewers)
                .Where(b => b.VisitId == visit.Id && b.EndedAt == null)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainConflictException("broadcast_ended", "This visit is not being broadcast.");

            var commentator = command.AccountId!.Value;
            string? connection = null;
            if (commentator != broadcast.BroadcasterAccountId)
            {
                // Note: only a doctor of the visit (an invited specialist) who is in the call now: their feed carries the voice.
                connection = await db.VisitConnections.AsNoTracking()
                    .Where(c => c.VisitId == visit.Id && c.AccountId == commentator && c.Role == VisitRole.Specialist && c.InCallSince != null && c.ClosedAt == null)
                    .OrderByDescending(c => c.InCallSince)
                    .Select(c => c.ConnectionId)
                    .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainRuleException("broadcast_commentator_not_in_call", "The commentator must be a doctor who is in the call now.");
            }

            broadcast.SetCommentator(commentator, connection);
            await server.SetCommentatorAsync(broadcast.Id, visit.Id, connection, cancellationToken);
            audit.Record("visit.broadcast_commentator", "VideoVisit", visit.Id.ToString(), visit.PatientId, $"broadcast {broadcast.Id}, commentator {commentator}");
            return BroadcastDto.From(broadcast);
        }
    }
}
