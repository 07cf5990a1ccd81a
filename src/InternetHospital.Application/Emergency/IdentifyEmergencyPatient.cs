using InternetHospital.Application.HealthCodes;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The crew says who the patient is: by their dynamic health code (verified with the consortium's key), their resident
/// ID number, a record found by search, or as unknown (sex, estimated age, a description) to be merged later. A health
/// code scanned in the ambulance is kept as a <see cref="HealthCodeScan"/> of the crew's service like a desk scan, so its
/// nonce is spent: the same code shown at a desk (or to another crew) afterwards is refused as replayed (domain rule 27).
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

    public sealed class Handler(IAppDbContext db, CrewWriter writer, IHealthCodeKeys keys, IIdentifierProtector identifiers, IAuditLog audit, ICurrentUser user)
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
                    IdentifyMethod.HealthCode => await ByHealthCodeAsync(c, command.Code!.Trim(), now, cancellationToken),
                    IdentifyMethod.IdNumber => await ByIdNumberAsync(command.IdNumber!, cancellationToken),
                    _ => await db.Patients.AnyAsync(p => p.Id == command.PatientId, cancellationToken) ? command.PatientId!.Value : NotFound(),
                };
                c.IdentifyKnown(patientId, command.Method!.Value, now);
                audit.Record("emergency.patient_identified", nameof(EmergencyCase), c.Id.ToString(), patientId, $"by {command.Method}");
                return patientId;
            }, cancellationToken);

        private async Task<Guid> ByHealthCodeAsync(EmergencyCase c, string code, DateTimeOffset now, CancellationToken cancellationToken)
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

            if (failure == HealthCodeFailure.Expired)
            {
                throw new DomainRuleException("health_code_expired", "This code has expired: ask the patient to refresh it.");
            }

            var place = $"emergency case {c.Id:N}";
            var earlier = await db.HealthCodeScans.AsNoTracking().SingleOrDefaultAsync(s => s.Nonce == claims!.Nonce, cancellationToken);
            if (earlier is not null)
            {
                return earlier.IsSameCrew(c.ServiceId, place) && earlier.PatientId == holder.PatientId
                    ? holder.PatientId
                    : throw new DomainConflictException("health_code_replayed", "This code was already used elsewhere: ask the patient for a fresh one.");
            }

            var scan = HealthCodeScan.RecordByCrew(holder.PatientId, user.RequireAccountId(), c.ServiceId, place, claims!.Nonce, claims.ExpiresAt, now);
            db.HealthCodeScans.Add(scan);
            audit.Record("health_code.scanned", nameof(HealthCodeScan), scan.Id.ToString(), holder.PatientId, $"ambulance; case {c.Id}");
            return holder.PatientId;
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
