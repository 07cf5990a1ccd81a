using InternetHospital.Application.Administration.StaffAccounts;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// The consortium's administrator renames an ambulance service or takes it off (and back on) the road. A deactivated
/// service keeps its cases and crews on record, but its crews can no longer start or change cases (403 emergency_not_crew).
/// </summary>
public sealed record UpdateAmbulanceService(Guid Id, string? Name, string? NameEn, bool? IsActive) : ICommand<AmbulanceServiceAdminView>
{
    public sealed class Validator : AbstractValidator<UpdateAmbulanceService>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.NameEn).NotEmpty().MaximumLength(100);
            RuleFor(x => x.IsActive).NotNull();
        }
    }

    public sealed class Handler(IAppDbContext db, IStaffAccounts accounts, InstitutionScope scope, IAuditLog audit) : ICommandHandler<UpdateAmbulanceService, AmbulanceServiceAdminView>
    {
        public async ValueTask<AmbulanceServiceAdminView> Handle(UpdateAmbulanceService command, CancellationToken cancellationToken)
        {
            await scope.EnsureConsortiumAsync(EmergencyAdminAudit.ServiceResource, cancellationToken);
            var service = await db.AmbulanceServices.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("Ambulance service", command.Id);
            service.Update(command.Name!.Trim(), command.NameEn!.Trim(), command.IsActive!.Value);
            audit.Record(EmergencyAdminAudit.ServiceChanged, EmergencyAdminAudit.ServiceResource, service.Id.ToString(), null, $"{service.Name} / {service.NameEn}; active={service.IsActive}");
            return await CrewAdministration.ViewAsync(accounts, service, await CrewAdministration.MembersAsync(db, service.Id, cancellationToken), cancellationToken);
        }
    }
}
