using InternetHospital.Application.Files;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

/// <summary>An admin uploads a doctor's portrait (JPEG, PNG or WebP).</summary>
public sealed record SetDoctorPhoto(Guid DoctorId, string FileName, Stream Content, long Length) : ICommand<DoctorAdminView>
{
    public override string ToString() => nameof(SetDoctorPhoto);

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IFileStore files, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<SetDoctorPhoto, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(SetDoctorPhoto command, CancellationToken cancellationToken)
        {
            await scope.EnsureDoctorAsync(command.DoctorId, cancellationToken);
            var doctor = await db.Doctors.SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            var stored = await files.SaveAsync(new FileUpload(null, "doctor-photo", command.FileName, command.Content, command.Length), cancellationToken);
            if (!FileTypes.IsImage(stored.ContentType))
            {
                throw new ValidationException([ValidationMessages.Failure("file", "portrait_not_a_photo")]);
            }

            doctor.SetPhoto(stored.Id);
            audit.Record("doctor.photo_changed", nameof(Doctor), doctor.Id.ToString(), null);
            await db.SaveChangesAsync(cancellationToken);
            return (await DoctorAdminView.QueryAsync(db, db.Doctors.Where(d => d.Id == doctor.Id), SlotClock.Today(clock, hospital.Value), cancellationToken)).Single();
        }
    }
}
