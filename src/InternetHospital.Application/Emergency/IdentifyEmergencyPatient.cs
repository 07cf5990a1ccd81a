using InternetHospital.Application.HealthCodes;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The crew says who the patient is: by their dynamic health code (verified with the consortium's key), their resident
/// ID number, a record found by search, or as unknown (sex, estimated age, a description) to be merged later.
/// </summary>
public sealed record IdentifyEmergencyPatient(
    Guid CaseId,
    IdentifyMethod? Method,
    string? Code,
    string? IdNumber,
    Guid? PatientId,
    Sex? Sex,
    int? EstimatedAge,
    string? Description,
    SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Validator : AbstractValidator<IdentifyEmergencyPatient>
    {
        public Validator()
        {
            RuleFor(x => x.Method).NotNull();
            RuleFor(x => x.Code).NotEmpty().MaximumLength(HealthCodeFormat.MaxLength).When(x => x.Method == IdentifyMethod.HealthCode);
            RuleFor(x => x.IdNumber).NotEmpty().MaximumLength(32).When(x => x.Method == IdentifyMethod.IdNumber);
            RuleFor(x => x.PatientId).NotEmpty().When(x => x.Method == IdentifyMethod.Patient);
            RuleFor(x => x.EstimatedAge).InclusiveBetween(0, EmergencyCase.MaxEstimatedAge);
            RuleFor(x => x.Description).MaximumLength(EmergencyCase.MaxTextLength);
            RuleFor(x => x.Sex).IsInEnum();
        }
    }

    public sealed class Handler(IAppDbContext db, CrewWriter writer, IHealthCodeKeys keys, IIdentifierProtector identifiers, IAuditLog audit)
        : ICommandHandler<IdentifyEmergencyPatient, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(IdentifyEmergencyPatient command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "patient", async (c, _, now) =>
            {
                if (command.Method == IdentifyMethod.Unknown)
                {
                    c.IdentifyUnknown(command.Sex, command.EstimatedAge, command.Description, now);
                    return null;
                }

                var patientId = command.Method switch
                {
                    IdentifyMethod.HealthCode => await ByHealthCodeAsync(command.Code!.Trim(), now, cancellationToken),
                    IdentifyMethod.IdNumber => await ByIdNumberAsync(command.IdNumber!, cancellationToken),
                    _ => await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken) ? command.PatientId!.Value : NotFound(),
                };
                c.IdentifyKnown(patientId, command.Method!.Value, now);
                audit.Record("emergency.patient_identified", nameof(EmergencyCase), c.Id.ToString(), patientId, $"by {command.Method}");
                return patientId;
            }, cancellationToken);

        private async Task<Guid> ByHealthCodeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (code.StartsWith(HealthCodeSecrets.StaticPrefix, StringComparison.Ordinal))
            {
                // Note: a printed code needs the PIN with its lock-out count, which belongs to a desk scan; in the
                // ambulance the ID number does the same job without a PIN to guess.
                throw new DomainRuleException("emergency_printed_code_not_accepted", "Use the patient's dynamic code or ID number.");
            }

            var failure = HealthCodeFormat.Verify(code, keys.CreateVerifier, now, out var claims);
            var holder = claims is null ? null : await db.HealthCodeHolders.AsNoTracking().SingleOrDefaultAsync(h => h.Handle == claims.Handle, cancellationToken);
            if (failure == HealthCodeFailure.Invalid || holder is null)
            {
                throw new DomainRuleException("health_code_invalid", "This is not a valid health code of the consortium.");
            }

            return failure == HealthCodeFailure.Expired
                ? throw new DomainRuleException("health_code_expired", "This code has expired: ask the patient to refresh it.")
                : holder.PatientId;
        }

        private async Task<Guid> ByIdNumberAsync(string idNumber, CancellationToken cancellationToken)
        {
            var hash = identifiers.Hash(IdDocumentType.ResidentId, idNumber.Trim().ToUpperInvariant());
            var id = await db.Patients.Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            return id ?? NotFound();
        }

        private static Guid NotFound() => throw new DomainRuleException("emergency_patient_not_found", "No record of the consortium matches.");
    }
}
