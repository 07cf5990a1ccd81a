using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

/// <summary>
/// An admin updates a doctor's profile. Turning video off (or losing eligibility) leaves existing video slots
/// until the timetable is changed; existing appointments are never touched here.
/// </summary>
public sealed record UpdateDoctor(Guid DoctorId, DoctorProfileInput Profile) : ICommand<DoctorAdminView>
{
    public sealed class Validator : AbstractValidator<UpdateDoctor>
    {
        public Validator()
        {
            RuleFor(x => x.Profile).NotNull().SetValidator(new DoctorProfileInputValidator());
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<UpdateDoctor, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(UpdateDoctor command, CancellationToken cancellationToken)
        {
            await scope.EnsureDoctorAsync(command.DoctorId, cancellationToken);
            await scope.EnsureDepartmentAsync(command.Profile.DepartmentId, cancellationToken);
            var doctor = await db.Doctors.SingleOrDefaultAsync(d => d.Id == command.DoctorId, cancellationToken)
                ?? throw new NotFoundException("Doctor", command.DoctorId);
            await CreateDoctor.EnsureDepartmentAsync(db, command.Profile.DepartmentId, cancellationToken);
            var today = SlotClock.Today(clock, hospital.Value);
            CreateDoctor.Apply(doctor, command.Profile, today);
            audit.Record("doctor.updated", nameof(Doctor), doctor.Id.ToString(), null);
            await db.SaveChangesAsync(cancellationToken);
            return (await DoctorAdminView.QueryAsync(db, db.Doctors.Where(d => d.Id == doctor.Id), today, cancellationToken)).Single();
        }
    }
}
