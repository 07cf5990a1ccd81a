using InternetHospital.Application.Files;

namespace InternetHospital.Application.Care;

/// <summary>A doctor's portrait, for anyone signed in.</summary>
public sealed record GetDoctorPhoto(Guid DoctorId) : IQuery<FileDownload>
{
    public sealed class Handler(IAppDbContext db, IFileStore files) : IQueryHandler<GetDoctorPhoto, FileDownload>
    {
        public async ValueTask<FileDownload> Handle(GetDoctorPhoto query, CancellationToken cancellationToken)
        {
            var fileId = await db.Doctors.Where(d => d.Id == query.DoctorId).Select(d => d.PhotoFileId).SingleOrDefaultAsync(cancellationToken);
            var download = fileId is { } id ? await files.OpenAsync(id, cancellationToken) : null;
            return download ?? throw new NotFoundException("Photo");
        }
    }
}
