using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// An institution's administrator (or the consortium's) makes it a receiving hospital, or changes where it is (the
/// ETA is measured to here) and its emergency department's phone. Another institution's: 403 institution_scope_denied.
/// </summary>
public sealed record SetReceivingHospital(Guid FacilityId, double? Latitude, double? Longitude, string? EdPhone) : ICommand<Guid>
{
    public sealed class Validator : AbstractValidator<SetReceivingHospital>
    {
        public Validator()
        {
            RuleFor(x => x.Latitude).NotNull().InclusiveBetween(-90, 90);
            RuleFor(x => x.Longitude).NotNull().InclusiveBetween(-180, 180);
            RuleFor(x => x.EdPhone).MaximumLength(32).Matches(@"^[0-9+\- ()]*$").WithLocalizedMessage("invalid_phone");
        }
    }

    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit) : ICommandHandler<SetReceivingHospital, Guid>
    {
        public async ValueTask<Guid> Handle(SetReceivingHospital command, CancellationToken cancellationToken)
        {
            var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == command.FacilityId, cancellationToken)
                ?? throw new NotFoundException("Facility", command.FacilityId);
            await scope.EnsureAsync(facility.Id, EmergencyAdminAudit.HospitalResource, facility.Id, cancellationToken);
            var phone = string.IsNullOrWhiteSpace(command.EdPhone) ? null : command.EdPhone.Trim();
            var hospital = await db.ReceivingHospitals.SingleOrDefaultAsync(r => r.FacilityId == facility.Id, cancellationToken);
            if (hospital is null)
            {
                db.ReceivingHospitals.Add(ReceivingHospital.Create(facility.Id, command.Latitude!.Value, command.Longitude!.Value, phone));
            }
            else
            {
                hospital.Update(command.Latitude!.Value, command.Longitude!.Value, phone);
            }

            audit.Record(EmergencyAdminAudit.HospitalSet, EmergencyAdminAudit.HospitalResource, facility.Id.ToString(), null, $"{facility.Code}; {command.Latitude}, {command.Longitude}; ed={phone}");
            return facility.Id;
        }
    }
}
