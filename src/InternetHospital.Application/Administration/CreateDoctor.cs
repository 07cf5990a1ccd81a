using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Administration;

/// <summary>
/// An admin adds a doctor: the sign-in account (with an initial password the doctor is given in person) and the
/// professional profile, in one transaction.
/// </summary>
public sealed record CreateDoctor(string Email, string Mobile, string InitialPassword, DoctorProfileInput Profile) : ICommand<DoctorAdminView>
{
    public override string ToString() => nameof(CreateDoctor);

    public sealed class Validator : AbstractValidator<CreateDoctor>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(x => x.Mobile).NotEmpty().Matches(@"^(1[3-9]\d{9}|\+\d{7,15})$");
            RuleFor(x => x.InitialPassword).NotEmpty().MinimumLength(PasswordRules.MinLength).MaximumLength(PasswordRules.MaxLength);
            RuleFor(x => x.Profile).NotNull().SetValidator(new DoctorProfileInputValidator());
        }
    }

    public sealed class Handler(InstitutionScope scope, IAppDbContext db, IAccountService accounts, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<CreateDoctor, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(CreateDoctor command, CancellationToken cancellationToken)
        {
            await scope.EnsureDepartmentAsync(command.Profile.DepartmentId, cancellationToken);
            if (await accounts.EmailInUseAsync(command.Email.Trim(), cancellationToken))
            {
                throw new DomainConflictException("duplicate_email", "An account with this e-mail address already exists.");
            }

            var p = command.Profile;
            await EnsureDepartmentAsync(db, p.DepartmentId, cancellationToken);
            var accountId = NewId.Next();
            var doctor = Doctor.Create(accountId, p.DepartmentId, p.FullName.Trim(), p.Title, p.TitleEn, p.IsFamilyDoctor, p.LicenseNumber, p.PracticeSinceYear);
            Apply(doctor, p, SlotClock.Today(clock, hospital.Value));
            db.Doctors.Add(doctor);
            audit.Record("doctor.created", nameof(Doctor), doctor.Id.ToString(), null);
            var created = await accounts.CreateAsync(new NewAccount(accountId, command.Email.Trim(), doctor.FullName, command.Mobile, null), command.InitialPassword, Roles.Doctor, cancellationToken);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.PasswordErrors.Select(e => e.On(nameof(InitialPassword))));
            }

            return (await DoctorAdminView.QueryAsync(db, db.Doctors.Where(d => d.Id == doctor.Id), SlotClock.Today(clock, hospital.Value), cancellationToken)).Single();
        }
    }

    internal static void Apply(Doctor doctor, DoctorProfileInput p, DateOnly today)
    {
        doctor.UpdateProfile(p.FullName, p.DepartmentId, p.Title, p.TitleEn, p.IsFamilyDoctor, p.Specialties, p.SpecialtiesEn, p.Bio, p.BioEn, p.Languages);
        doctor.RecordLicence(p.LicenseNumber, p.PracticeSinceYear);
        doctor.SetFees(p.InPersonFee, p.VideoFee);
        doctor.SetVideoVisits(p.OffersVideoVisits, today);
    }

    internal static async Task EnsureDepartmentAsync(IAppDbContext db, Guid departmentId, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            throw new NotFoundException("Department", departmentId);
        }
    }
}
