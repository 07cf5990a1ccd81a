using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// The consortium's administrator adds an ambulance service (the city's 急救中心 or a hospital's own fleet). A service
/// is not an institution of the consortium, so no institution's administrator owns it: it is a consortium-wide setting.
/// </summary>
public sealed record CreateAmbulanceService(string? Code, string? Name, string? NameEn) : ICommand<AmbulanceServiceAdminView>
{
    public sealed class Validator : AbstractValidator<CreateAmbulanceService>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Z0-9_-]+$").WithLocalizedMessage("invalid_department_code");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
        }
    }

    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit, IUnitOfWork unitOfWork) : ICommandHandler<CreateAmbulanceService, AmbulanceServiceAdminView>
    {
        public async ValueTask<AmbulanceServiceAdminView> Handle(CreateAmbulanceService command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync(EmergencyAdminAudit.ServiceResource, cancellationToken);
            var code = command.Code!.Trim();
            if (await db.AmbulanceServices.AnyAsync(s => s.Code == code, cancellationToken))
            {
                throw new DomainConflictException("duplicate_ambulance_service_code", "An ambulance service with this code already exists.");
            }

            var service = AmbulanceService.Create(code, command.Name!.Trim(), command.NameEn!.Trim());
            db.AmbulanceServices.Add(service);
            unitOfWork.OnUniqueViolation(_ => new DomainConflictException("duplicate_ambulance_service_code", "An ambulance service with this code already exists."));
            audit.Record(EmergencyAdminAudit.ServiceCreated, EmergencyAdminAudit.ServiceResource, service.Id.ToString(), null, $"{service.Code}; {service.Name}");
            return new AmbulanceServiceAdminView(service.Id, service.Code, service.Name, service.NameEn, service.IsActive, [], Editable: true);
        }
    }
}
