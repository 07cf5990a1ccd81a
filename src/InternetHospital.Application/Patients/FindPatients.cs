using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Patients;

/// <summary>
/// Admins find a patient by the exact identity number (looked up by its keyed hash, never decrypted) or by name,
/// for example to answer "who saw this patient's data". Results show masked numbers only; the search is audited.
/// </summary>
public sealed record FindPatients(string? IdNumber, string? Name) : IQuery<IReadOnlyList<PatientMatch>>
{
    public sealed class Validator : AbstractValidator<FindPatients>
    {
        public Validator()
        {
            RuleFor(x => x.Name).MinimumLength(2).MaximumLength(100).When(x => !string.IsNullOrWhiteSpace(x.Name));
            RuleFor(x => x.IdNumber).MaximumLength(32);
            RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.IdNumber) || !string.IsNullOrWhiteSpace(x.Name))
                .WithName("name").WithLocalizedMessage("patient_search_term_required");
        }
    }

    public sealed class Handler(IAppDbContext db, IIdentifierProtector identifiers, IAuditLog audit) : IQueryHandler<FindPatients, IReadOnlyList<PatientMatch>>
    {
        public async ValueTask<IReadOnlyList<PatientMatch>> Handle(FindPatients query, CancellationToken cancellationToken)
        {
            var patients = db.Patients.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.IdNumber))
            {
                var hashes = Enum.GetValues<IdDocumentType>().Select(t => identifiers.Hash(t, query.IdNumber)).ToList();
                patients = patients.Where(p => hashes.Contains(p.IdNumberHash));
            }

            if (!string.IsNullOrWhiteSpace(query.Name))
            {
                var name = query.Name.Trim();
                patients = patients.Where(p => p.FullName.Contains(name));
            }

            var found = await patients.OrderBy(p => p.FullName).Take(50)
                .Select(p => new PatientMatch(p.Id, p.FullName, p.IdNumberMasked, p.DateOfBirth, p.Sex, p.HisPatientId))
                .ToListAsync(cancellationToken);
            audit.Record("patient.searched", nameof(Patient), null, found.Count == 1 ? found[0].Id : null, $"{found.Count} found");
            return found;
        }
    }
}

public sealed record PatientMatch(Guid Id, string Name, string MaskedIdNumber, DateOnly DateOfBirth, Sex Sex, string? HisPatientId);
