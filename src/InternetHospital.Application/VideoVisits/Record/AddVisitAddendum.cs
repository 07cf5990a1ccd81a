namespace InternetHospital.Application.VideoVisits.Record;

/// <summary>A correction to a finished visit's record (domain rule 11): the signed note stays, the addendum is added and signed.</summary>
public sealed record AddVisitAddendum(Guid VisitId, string Text) : ICommand<AddendumDto>
{
    public sealed class Validator : AbstractValidator<AddVisitAddendum>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(4000);
    }

    public sealed class Handler(IAppDbContext db, VisitAccess access, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
        : ICommandHandler<AddVisitAddendum, AddendumDto>
    {
        public async ValueTask<AddendumDto> Handle(AddVisitAddendum command, CancellationToken cancellationToken)
        {
            var (visit, role) = await access.LoadAsync(command.VisitId, cancellationToken, VisitParts.Note | VisitParts.Addenda);
            VisitAccess.EnsureDoctor(role);
            var name = await db.Doctors.Where(d => d.Id == visit.DoctorId).Select(d => d.FullName).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Doctor", visit.DoctorId);
            var addendum = visit.AddAddendum(command.Text, currentUser.RequireAccountId(), name, clock.GetUtcNow());
            audit.Record("visit.addendum_added", "VideoVisit", visit.Id.ToString(), visit.PatientId, addendum.ContentHash);
            return AddendumDto.From(addendum);
        }
    }
}

public sealed record AddendumDto(Guid Id, int Sequence, string Text, string AuthorName, DateTimeOffset At, string ContentHash)
{
    public static AddendumDto From(Domain.VideoVisits.VisitAddendum addendum) =>
        new(addendum.Id, addendum.Sequence, addendum.Text, addendum.AuthorName, addendum.At, addendum.ContentHash);
}
