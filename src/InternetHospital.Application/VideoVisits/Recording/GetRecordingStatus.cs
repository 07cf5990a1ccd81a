namespace InternetHospital.Application.VideoVisits.Recording;

/// <summary>
/// How a visit's recording stands, for anyone in the visit: the indicator in the call, and whether the caller has
/// answered the consent question (a browser asks once per visit and person).
/// </summary>
public sealed record GetRecordingStatus(Guid VisitId) : IQuery<RecordingStatusDto>
{
    public sealed class Handler(VisitAccess access, ICurrentUser currentUser) : IQueryHandler<GetRecordingStatus, RecordingStatusDto>
    {
        public async ValueTask<RecordingStatusDto> Handle(GetRecordingStatus query, CancellationToken cancellationToken)
        {
            var (visit, _) = await access.LoadAsync(query.VisitId, cancellationToken, VisitParts.RecordingConsents);
            return RecordingStatusDto.From(visit, currentUser.AccountId);
        }
    }
}
