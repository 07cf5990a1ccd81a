using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>A member of the patient's team sets the risk level and the chronic conditions the panel files the patient under.</summary>
public sealed record AssessFamilyPatient(Guid PatientId, RiskLevel Risk, IReadOnlyList<string> Conditions) : ICommand
{
    public sealed class Validator : AbstractValidator<AssessFamilyPatient>
    {
        public Validator()
        {
            RuleFor(x => x.Risk).IsInEnum();
            RuleFor(x => x.Conditions).NotNull();
            RuleForEach(x => x.Conditions).Must(ChronicConditions.IsKnown).WithLocalizedMessage("unknown_condition", string.Join(", ", ChronicConditions.All));
        }
    }

    public sealed class Handler(IAppDbContext db, IFamilyAccess access, IAuditLog audit, TimeProvider clock) : ICommandHandler<AssessFamilyPatient>
    {
        public async ValueTask<Unit> Handle(AssessFamilyPatient command, CancellationToken cancellationToken)
        {
            var (doctor, _) = await access.RequireCaringDoctorAsync(command.PatientId, cancellationToken);
            var now = clock.GetUtcNow();
            var profile = await db.CareProfiles.Include(p => p.Conditions).SingleOrDefaultAsync(p => p.PatientId == command.PatientId, cancellationToken);
            if (profile is null)
            {
                profile = CareProfile.Create(command.PatientId, [], now);
                db.CareProfiles.Add(profile);
            }

            profile.Assess(command.Risk, command.Conditions, doctor.Id, now);
            audit.Record("family.patient.assessed", nameof(CareProfile), command.PatientId.ToString(), command.PatientId, command.Risk.ToString());
            return Unit.Value;
        }
    }
}
