using InternetHospital.Application.Notifications;
using InternetHospital.Application.VideoVisits.Media;
using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Record;

/// <summary>
/// Stop and refer (domain rule 2): online care is not suitable (the condition changed, it is really a first visit, an
/// emergency). The visit ends at once with the reason recorded, the appointment ends, the fee follows the hospital's
/// referral policy (<see cref="VideoOptions.ReferralFee"/>), and the patient is told to attend in person (or emergency
/// care), with an in-person booking offered.
/// </summary>
public sealed record StopAndRefer(Guid VisitId, ReferralReason Reason, string? Detail) : ICommand<ReferralDto>
{
    public sealed class Validator : AbstractValidator<StopAndRefer>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).IsInEnum();
            RuleFor(x => x.Detail).MaximumLength(1000);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        VisitAccess access,
        ICurrentUser currentUser,
        IVisitAppointments appointments,
        INotifier notifier,
        IAuditLog audit,
        IVisitRoom room,
        IAfterCommit afterCommit,
        IOptions<VideoOptions> options,
        CallMedia media,
        TimeProvider clock) : ICommandHandler<StopAndRefer, ReferralDto>
    {
        public async ValueTask<ReferralDto> Handle(StopAndRefer command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.Note);
            VisitAccess.EnsureDoctor(role);
            visit.StopAndRefer(command.Reason, command.Detail, currentUser.RequireAccountId(), clock.GetUtcNow());
            var refunded = await appointments.EndWithReferralAsync(
                visit.Id,
                command.Reason.ToString(),
                options.Value.ReferralFee == ReferralFeePolicy.FullRefund,
                cancellationToken);

            audit.Record("visit.referred", "VideoVisit", visit.Id.ToString(), visit.PatientId, command.Reason.ToString());
            await VisitNotices.TellPatientAsync(notifier, visit, VisitNotices.Referred, cancellationToken);
            await QueueAnnouncements.AnnounceQueueMovedAsync(db, room, afterCommit, visit.DoctorId, visit.Id, cancellationToken);
            afterCommit.Enqueue(ct => room.BroadcastAsync(visit.Id, VisitRoomEvents.VisitUpdated, new VisitUpdatedEvent(visit.Id, visit.Status), ct));
            await media.CloseAfterCommitAsync(visit.Id, cancellationToken);
            return new ReferralDto(command.Reason, visit.ReferralDetail, refunded);
        }
    }
}

/// <param name="RefundedAmount">The fee returned under the referral policy, if any.</param>
public sealed record ReferralDto(ReferralReason Reason, string? Detail, decimal? RefundedAmount);
