using FluentValidation;
using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Validation;
using InternetHospital.Application.Doctors;
using InternetHospital.Application.Files;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Hospital;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Administration;

/// <summary>Every doctor with the profile fields an admin manages.</summary>
public sealed record ListDoctorsForAdmin : IQuery<IReadOnlyList<DoctorAdminView>>
{
    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<ListDoctorsForAdmin, IReadOnlyList<DoctorAdminView>>
    {
        public async ValueTask<IReadOnlyList<DoctorAdminView>> Handle(ListDoctorsForAdmin query, CancellationToken cancellationToken) =>
            await DoctorAdminView.QueryAsync(db, db.Doctors, SlotClock.Today(clock, hospital.Value), cancellationToken);
    }
}

/// <summary>One doctor's profile for editing.</summary>
public sealed record GetDoctorForAdmin(Guid DoctorId) : IQuery<DoctorAdminView>
{
    public sealed class Handler(IAppDbContext db, IOptions<HospitalOptions> hospital, TimeProvider clock) : IQueryHandler<GetDoctorForAdmin, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(GetDoctorForAdmin query, CancellationToken cancellationToken) =>
            (await DoctorAdminView.QueryAsync(db, db.Doctors.Where(d => d.Id == query.DoctorId), SlotClock.Today(clock, hospital.Value), cancellationToken)).SingleOrDefault()
                ?? throw new NotFoundException("Doctor", query.DoctorId);
    }
}

/// <summary>The profile fields an admin sets (name, department, title, what they treat, languages, fees, licence, video).</summary>
public sealed record DoctorProfileInput(
    string FullName,
    Guid DepartmentId,
    string Title,
    string TitleEn,
    bool IsFamilyDoctor,
    string Specialties,
    string SpecialtiesEn,
    string Bio,
    string BioEn,
    IReadOnlyList<string> Languages,
    decimal InPersonFee,
    decimal VideoFee,
    string LicenseNumber,
    int PracticeSinceYear,
    bool OffersVideoVisits);

internal sealed class DoctorProfileInputValidator : AbstractValidator<DoctorProfileInput>
{
    public DoctorProfileInputValidator()
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.DepartmentId).NotEmpty();
        RuleFor(x => x.Title).MaximumLength(50);
        RuleFor(x => x.TitleEn).MaximumLength(50);
        RuleFor(x => x.Specialties).MaximumLength(500);
        RuleFor(x => x.SpecialtiesEn).MaximumLength(500);
        RuleFor(x => x.Bio).MaximumLength(4000);
        RuleFor(x => x.BioEn).MaximumLength(4000);
        RuleFor(x => x.Languages).NotEmpty();
        RuleForEach(x => x.Languages).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").WithLocalizedMessage("invalid_language_tag");
        RuleFor(x => x.InPersonFee).InclusiveBetween(0, 100_000);
        RuleFor(x => x.VideoFee).InclusiveBetween(0, 100_000);
        RuleFor(x => x.LicenseNumber).MaximumLength(32);
        RuleFor(x => x.PracticeSinceYear).InclusiveBetween(1950, 2100);
    }
}

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

    public sealed class Handler(IAppDbContext db, IAccountService accounts, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<CreateDoctor, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(CreateDoctor command, CancellationToken cancellationToken)
        {
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
                throw new ValidationException(created.PasswordErrors.Select(e => new FluentValidation.Results.ValidationFailure(nameof(InitialPassword), e)));
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

    public sealed class Handler(IAppDbContext db, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<UpdateDoctor, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(UpdateDoctor command, CancellationToken cancellationToken)
        {
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

/// <summary>An admin uploads a doctor's portrait (JPEG, PNG or WebP).</summary>
public sealed record SetDoctorPhoto(Guid DoctorId, string FileName, Stream Content, long Length) : ICommand<DoctorAdminView>
{
    public override string ToString() => nameof(SetDoctorPhoto);

    public sealed class Handler(IAppDbContext db, IFileStore files, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock) : ICommandHandler<SetDoctorPhoto, DoctorAdminView>
    {
        public async ValueTask<DoctorAdminView> Handle(SetDoctorPhoto command, CancellationToken cancellationToken)
        {
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

public sealed record DoctorAdminView(
    Guid Id,
    DepartmentRef Department,
    DoctorProfileInput Profile,
    bool EligibleForOnlinePractice,
    bool HasPhoto,
    bool HasSchedule)
{
    internal static async Task<IReadOnlyList<DoctorAdminView>> QueryAsync(IAppDbContext db, IQueryable<Doctor> doctors, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in doctors.AsNoTracking()
            join dep in db.Departments on d.DepartmentId equals dep.Id
            orderby dep.Code, d.FullName
            select new { d, Department = new DepartmentRef(dep.Id, dep.Name, dep.NameEn), HasSchedule = db.ScheduleTemplates.Any(t => t.DoctorId == d.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DoctorAdminView(
            r.d.Id,
            r.Department,
            new DoctorProfileInput(r.d.FullName, r.d.DepartmentId, r.d.Title, r.d.TitleEn, r.d.IsFamilyDoctor, r.d.Specialties, r.d.SpecialtiesEn, r.d.Bio, r.d.BioEn, r.d.Languages, r.d.InPersonFee, r.d.VideoFee, r.d.LicenseNumber, r.d.PracticeSinceYear, r.d.OffersVideoVisits),
            r.d.IsEligibleForOnlinePractice(today),
            r.d.PhotoFileId is not null,
            r.HasSchedule)).ToList();
    }
}
