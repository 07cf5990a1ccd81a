namespace InternetHospital.Application.Institutions;

/// <summary>
/// An administrator of the institution (or the consortium's) changes its settings: names, level, time zone, address,
/// phone and its own HIS. The HIS's secret is not here: it is configuration named by the code
/// (<c>His:Institutions:{code}:BearerToken</c>).
/// </summary>
public sealed record UpdateInstitution(Guid Id, InstitutionSettings? Settings) : ICommand<InstitutionView>
{
    public sealed class Validator : AbstractValidator<UpdateInstitution>
    {
        public Validator()
        {
            RuleFor(x => x.Settings).NotNull().SetValidator(new InstitutionSettingsValidator()!);
        }
    }

    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit) : ICommandHandler<UpdateInstitution, InstitutionView>
    {
        public async ValueTask<InstitutionView> Handle(UpdateInstitution command, CancellationToken cancellationToken)
        {
            var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("Facility", command.Id);
            await scope.EnsureAsync(facility.Id, "Facility", facility.Id, cancellationToken);
            command.Settings!.ApplyTo(facility);
            audit.Record(
                "institution.changed",
                "Facility",
                facility.Id.ToString(),
                null,
                $"{facility.Code}; level={facility.Level}; tz={facility.TimeZone}; his={facility.HisAdapter} {facility.HisEndpoint}");
            return InstitutionView.Of(facility, editable: true);
        }
    }
}
