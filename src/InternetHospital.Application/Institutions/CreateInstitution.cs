using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Institutions;

/// <summary>The consortium's administrator adds an institution (a new community centre joins the 医联体).</summary>
public sealed record CreateInstitution(string? Code, InstitutionSettings? Settings) : ICommand<InstitutionView>
{
    public sealed class Validator : AbstractValidator<CreateInstitution>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Z0-9_-]+$").WithLocalizedMessage("invalid_department_code");
            RuleFor(x => x.Settings).NotNull().SetValidator(new InstitutionSettingsValidator()!);
        }
    }

    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit, IUnitOfWork unitOfWork) : ICommandHandler<CreateInstitution, InstitutionView>
    {
        public async ValueTask<InstitutionView> Handle(CreateInstitution command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync("Facility", cancellationToken);
            var settings = command.Settings!;
            var code = command.Code!.Trim();
            if (await db.Facilities.AnyAsync(f => f.Code == code, cancellationToken))
            {
                throw new DomainConflictException("duplicate_institution_code", "An institution with this code already exists.");
            }

            var facility = Facility.Create(code, settings.Name!.Trim(), settings.NameEn!.Trim(), FacilityKind.CommunityHealthCentre);
            settings.ApplyTo(facility);
            db.Facilities.Add(facility);
            unitOfWork.OnUniqueViolation(_ => new DomainConflictException("duplicate_institution_code", "An institution with this code already exists."));
            audit.Record("institution.created", nameof(Facility), facility.Id.ToString(), null, $"{facility.Code}; {facility.Level}");
            return InstitutionView.Of(facility, editable: true);
        }
    }
}
