using InternetHospital.Application.Appointments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.HealthCodes;

/// <summary>
/// A desk scans a health code (domain rule 27). A dynamic code must carry the consortium's signature, be within its
/// minute and not have been shown at another desk already; a printed code must be live and come with the right PIN
/// (five wrong PINs lock it). Every scan, accepted or refused, is audit-logged with the scanner, the place, the
/// institution and the purpose; a refusal is returned (not thrown) so that entry and the PIN count are saved.
/// </summary>
public sealed record ScanHealthCode(string? Code, string? Pin, string? Purpose, string? Place) : ICommand<HealthCodeScanOutcome>
{
    public sealed class Validator : AbstractValidator<ScanHealthCode>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(HealthCodeFormat.MaxLength);
            RuleFor(x => x.Purpose).Must(p => HealthCodePurposes.Parse(p) is not null).WithLocalizedMessage("health_code_purpose_unknown");
            RuleFor(x => x.Place).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Pin).MaximumLength(12);
        }
    }

    public sealed class Handler(
        IAppDbContext db,
        ICurrentUser user,
        IHealthCodeKeys keys,
        IAuditLog audit,
        InstitutionReads reads,
        IOptions<HospitalOptions> hospital,
        IOptions<BookingOptions> booking,
        TimeProvider clock) : ICommandHandler<ScanHealthCode, HealthCodeScanOutcome>
    {
        public async ValueTask<HealthCodeScanOutcome> Handle(ScanHealthCode command, CancellationToken cancellationToken)
        {
            var accountId = user.RequireAccountId();
            var purpose = HealthCodePurposes.Parse(command.Purpose)!.Value;
            var place = command.Place!.Trim();
            var code = command.Code!.Trim();
            var now = clock.GetUtcNow();
            var facility = await ScannerFacility.OfAsync(db, accountId, cancellationToken);
            var where = $"{HealthCodePurposes.NameOf(purpose)} at {facility?.Code ?? "?"} / {place}";

            HealthCodeScanOutcome Refuse(Exception refusal, Guid? patientId = null)
            {
                var reason = refusal is DomainException domain ? domain.Code : ((ForbiddenAccessException)refusal).Code;
                audit.Record("health_code.refused", "HealthCode", null, patientId, $"{reason}; {where}");
                return new HealthCodeScanOutcome(null, refusal);
            }

            if (!HealthCodePurposes.IsAllowed(purpose, user.Roles))
            {
                return Refuse(new ForbiddenAccessException("health_code_purpose_not_allowed", "Your role may not scan health codes for this purpose."));
            }

            if (facility is null)
            {
                return Refuse(new ForbiddenAccessException("not_staff_of_institution", "Your account does not belong to an institution of the consortium."));
            }

            Guid patientId;
            string? nonce = null;
            DateTimeOffset? codeExpiresAt = null;
            if (code.StartsWith(HealthCodeSecrets.StaticPrefix, StringComparison.Ordinal))
            {
                var hash = HealthCodeSecrets.HashStaticCode(code);
                var printed = await db.StaticHealthCodes.AsNoTracking().SingleOrDefaultAsync(s => s.CodeHash == hash, cancellationToken);
                if (printed is null)
                {
                    return Refuse(new DomainRuleException("health_code_invalid", "This is not a health code of the consortium."));
                }

                if (printed.IsRevoked)
                {
                    return Refuse(new DomainRuleException("health_code_revoked", "This printed code has been revoked."), printed.PatientId);
                }

                var holder = await db.HealthCodeHolders.SingleAsync(h => h.PatientId == printed.PatientId, cancellationToken);
                if (holder.PinLocked)
                {
                    return Refuse(new DomainRuleException("health_code_pin_locked", "Too many wrong PINs: the patient or their guardian must set a new PIN in the app."), printed.PatientId);
                }

                if (string.IsNullOrEmpty(command.Pin))
                {
                    return Refuse(new DomainRuleException("health_code_pin_required", "A printed code needs the patient's PIN."), printed.PatientId);
                }

                if (holder.PinHash is null || !HealthCodeSecrets.VerifyPin(command.Pin, holder.PinHash))
                {
                    return holder.RecordPinFailure(now)
                        ? Refuse(new DomainRuleException("health_code_pin_locked", "Too many wrong PINs: the patient or their guardian must set a new PIN in the app."), printed.PatientId)
                        : Refuse(new DomainRuleException("health_code_pin_wrong", $"The PIN is not correct ({HealthCodeHolder.MaxPinFailures - holder.PinFailures} tries left)."), printed.PatientId);
                }

                holder.RecordPinSuccess();
                patientId = printed.PatientId;
            }
            else
            {
                var failure = HealthCodeFormat.Verify(code, keys.CreateVerifier, now, out var claims);
                var holder = claims is null ? null : await db.HealthCodeHolders.AsNoTracking().SingleOrDefaultAsync(h => h.Handle == claims.Handle, cancellationToken);
                if (failure == HealthCodeFailure.Invalid || holder is null)
                {
                    return Refuse(new DomainRuleException("health_code_invalid", "This is not a valid health code of the consortium."));
                }

                if (failure == HealthCodeFailure.Expired)
                {
                    return Refuse(new DomainRuleException("health_code_expired", "This code has expired: ask the patient to refresh it."), holder.PatientId);
                }

                var earlier = await db.HealthCodeScans.AsNoTracking().SingleOrDefaultAsync(s => s.Nonce == claims!.Nonce, cancellationToken);
                if (earlier is not null)
                {
                    if (!earlier.IsSameDesk(facility.Id, place) || earlier.PatientId != holder.PatientId)
                    {
                        return Refuse(new DomainConflictException("health_code_replayed", "This code was already used at another desk: ask the patient for a fresh one."), holder.PatientId);
                    }

                    // The same desk scanning twice: the same scan again, not a new one.
                    audit.Record("health_code.scanned", nameof(HealthCodeScan), earlier.Id.ToString(), earlier.PatientId, $"again; {where}");
                    return new HealthCodeScanOutcome(await ViewAsync(earlier, facility, now, cancellationToken), null);
                }

                patientId = holder.PatientId;
                nonce = claims!.Nonce;
                codeExpiresAt = claims.ExpiresAt;
            }

            var scan = HealthCodeScan.Record(patientId, accountId, facility.Id, purpose, place, nonce, codeExpiresAt, now);
            db.HealthCodeScans.Add(scan);
            audit.Record("health_code.scanned", nameof(HealthCodeScan), scan.Id.ToString(), patientId, where);
            await reads.RecordAsync("health_code.scanned", nameof(HealthCodeScan), scan.Id.ToString(), patientId, await reads.SharedRecordHolderAsync(cancellationToken), cancellationToken, facility.Id);
            return new HealthCodeScanOutcome(await ViewAsync(scan, facility, now, cancellationToken), null);
        }

        private async Task<HealthCodeScanView> ViewAsync(HealthCodeScan scan, Facility facility, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == scan.PatientId, cancellationToken);
            var today = PatientAccessGuard.Today(clock, hospital.Value);
            IReadOnlyList<ScannedAppointment> appointments = [];
            IReadOnlyList<ScannedPickup> pickups = [];
            if (scan.Purpose == HealthCodePurpose.CheckIn)
            {
                appointments = await AppointmentsTodayAsync(scan.PatientId, facility.Id, today, now, cancellationToken);
            }
            else if (scan.Purpose == HealthCodePurpose.Pickup)
            {
                pickups = await PickupsAsync(scan.PatientId, cancellationToken);
            }

            return new HealthCodeScanView(
                scan.Id,
                HealthCodePurposes.NameOf(scan.Purpose),
                scan.Place,
                facility.Name,
                facility.NameEn,
                patient.Id,
                patient.FullName,
                Patient.AgeOf(patient.DateOfBirth, today),
                patient.Sex,
                PhotoUrl: null,
                StaticCode: scan.Nonce is null,
                appointments,
                pickups);
        }

        /// <summary>Today's in-person appointments at the scanner's institution only: other institutions' are not this desk's business.</summary>
        private async Task<IReadOnlyList<ScannedAppointment>> AppointmentsTodayAsync(Guid patientId, Guid facilityId, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var rows = await (
                from a in db.Appointments
                join dep in db.Departments on a.DepartmentId equals dep.Id
                join doc in db.Doctors on a.DoctorId equals doc.Id
                where a.PatientId == patientId && a.LocalDate == today && dep.FacilityId == facilityId && a.VisitType == VisitType.InPerson
                      && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn)
                select new { a.Id, a.Start, a.End, a.Status, doc.FullName, dep.Name, dep.NameEn })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            var opensBefore = booking.Value.CheckInOpensBefore;
            return [.. rows.OrderBy(r => r.Start).Select(r => new ScannedAppointment(
                r.Id, r.Start, r.End, r.FullName, r.Name, r.NameEn, r.Status.ToString(),
                r.Status == AppointmentStatus.Booked && now >= r.Start - opensBefore && now < r.End))];
        }

        private async Task<IReadOnlyList<ScannedPickup>> PickupsAsync(Guid patientId, CancellationToken cancellationToken)
        {
            var ready = await db.RenewalRequests.AsNoTracking().Include(r => r.Items)
                .Where(r => r.PatientId == patientId && r.Status == RenewalStatus.Dispensed && r.Fulfilment == Fulfilment.Pickup)
                .ToListAsync(cancellationToken);
            return [.. ready.OrderBy(r => r.DispensedAt).Select(r => new ScannedPickup(
                r.Id, r.Reference, [.. r.Items.Select(i => i.Line.DrugName)], [.. r.Items.Select(i => i.Line.DrugNameEn)], r.DispensedAt))];
        }
    }
}
