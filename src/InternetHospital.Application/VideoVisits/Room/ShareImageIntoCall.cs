using InternetHospital.Domain.VideoVisits;

namespace InternetHospital.Application.VideoVisits.Room;

/// <summary>
/// The doctor (or an invited specialist) shows the patient one image of the patient's own imaging study during the call.
/// Only a reference travels (study, series, instance, frame): the patient's browser fetches the rendered frame through the
/// patient's own imaging route, which checks again that the study is theirs, so a wrong or foreign reference shows nothing
/// and no image bytes pass through the signalling hub. Only from a connection that is in the call of an open visit.
/// </summary>
public sealed record ShareImageIntoCall(Guid VisitId, string ConnectionId, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, int Frame)
    : IQuery<SharedImageEvent>
{
    public sealed class Validator : AbstractValidator<ShareImageIntoCall>
    {
        public Validator()
        {
            // Note: DICOM UIDs are at most 64 characters of digits and dots (PS3.5 9.1); anything else is not a UID.
            RuleFor(x => x.StudyInstanceUid).NotEmpty().MaximumLength(64).Matches(@"^[0-9.]+$");
            RuleFor(x => x.SeriesInstanceUid).NotEmpty().MaximumLength(64).Matches(@"^[0-9.]+$");
            RuleFor(x => x.SopInstanceUid).NotEmpty().MaximumLength(64).Matches(@"^[0-9.]+$");
            RuleFor(x => x.Frame).InclusiveBetween(1, 10_000);
        }
    }

    public sealed class Handler(IAppDbContext db, VisitAccess access, TimeProvider clock) : IQueryHandler<ShareImageIntoCall, SharedImageEvent>
    {
        public async ValueTask<SharedImageEvent> Handle(ShareImageIntoCall query, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(query.VisitId, cancellationToken);
            if (role is not (VisitRole.Doctor or VisitRole.Specialist))
            {
                throw new ForbiddenAccessException("not_treating_doctor", "Only the visit's doctor or an invited specialist can share an image.");
            }

            visit.EnsureCallOpen();
            var inCall = await db.VisitConnections.AsNoTracking()
                .AnyAsync(c => c.ConnectionId == query.ConnectionId && c.VisitId == query.VisitId && c.InCallSince != null && c.ClosedAt == null, cancellationToken);
            if (!inCall)
            {
                throw new DomainConflictException("not_in_call", "Join the call before sharing an image.");
            }

            return new SharedImageEvent(
                visit.Id, visit.PatientId, query.StudyInstanceUid, query.SeriesInstanceUid, query.SopInstanceUid, query.Frame, role.ToString(), clock.GetUtcNow());
        }
    }
}

/// <summary>What the others in the call receive: which image of which patient's study to show.</summary>
/// <param name="PatientId">The visit's patient: the patient's browser reads the frame under this patient's imaging route.</param>
/// <param name="SharedByRole"><c>Doctor</c> or <c>Specialist</c>.</param>
public sealed record SharedImageEvent(
    Guid VisitId, Guid PatientId, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, int Frame, string SharedByRole, DateTimeOffset SharedAt);
