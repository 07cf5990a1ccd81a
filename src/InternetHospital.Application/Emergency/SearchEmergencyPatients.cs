using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Emergency;

public sealed record EmergencyPatientMatch(Guid PatientId, string Name, Sex Sex, int Age, string MaskedIdNumber);

/// <summary>
/// Finds a patient in the consortium's records by the exact resident ID number (from the ID card in a wallet): no
/// partial or name search, so a crew cannot browse the population. Audit-logged with the match.
/// </summary>
public sealed record SearchEmergencyPatients(string? IdNumber) : IQuery<IReadOnlyList<EmergencyPatientMatch>>
{
    public sealed class Validator : AbstractValidator<SearchEmergencyPatients>
    {
        public Validator() => RuleFor(x => x.IdNumber).NotEmpty().MaximumLength(32);
    }

    public sealed class Handler(IAppDbContext db, EmergencyAccess access, ICurrentUser user, IIdentifierProtector identifiers, IAuditLog audit, IOptions<HospitalOptions> hospital, TimeProvider clock)
        : IQueryHandler<SearchEmergencyPatients, IReadOnlyList<EmergencyPatientMatch>>
    {
        public async ValueTask<IReadOnlyList<EmergencyPatientMatch>> Handle(SearchEmergencyPatients query, CancellationToken cancellationToken)
        {
            _ = user.IsInRole(Domain.Accounts.Roles.Paramedic)
                ? await access.CrewServiceAsync(cancellationToken)
                : await access.DepartmentFacilityAsync(cancellationToken);
            var hash = identifiers.Hash(IdDocumentType.ResidentId, query.IdNumber!.Trim().ToUpperInvariant());
            var found = await db.Patients.AsNoTracking().Where(p => p.IdNumberHash == hash).ToListAsync(cancellationToken);
            var today = PatientAccessGuard.Today(clock, hospital.Value);
            audit.Record("emergency.patient_search", "Patient", null, found.FirstOrDefault()?.Id, $"matches={found.Count}");
            return [.. found.Select(p => new EmergencyPatientMatch(p.Id, p.FullName, p.Sex, p.AgeOn(today), p.IdNumberMasked))];
        }
    }
}
