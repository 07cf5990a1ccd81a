using InternetHospital.Application.Appointments;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>
/// One tap: the patient (or a proxy with the Appointments scope) books the proposed time, or another reserved referral
/// time of the department. The visit is in person, so the online follow-up rule does not apply; the reserved slot is
/// bookable only this way until its hold lapses. The appointment records the referral; the usual limits (overlap, one
/// visit per doctor per day, unpaid holds) still apply, and the fee is paid as for any booking.
/// </summary>
public sealed record BookReferralAppointment(Guid PatientId, Guid ReferralId, Guid? SlotId) : ICommand<ReferralView>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        BookingRules rules,
        ILiveUpdates live,
        IAfterCommit afterCommit,
        IAuditLog audit,
        IUnitOfWork unitOfWork,
        IOptions<BookingOptions> booking,
        IOptions<PaymentOptions> payments,
        TimeProvider clock) : ICommandHandler<BookReferralAppointment, ReferralView>
    {
        public async ValueTask<ReferralView> Handle(BookReferralAppointment command, CancellationToken cancellationToken)
        {
            var accountId = currentUser.RequireAccountId();
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            var referral = await db.Referrals
                .Include(r => r.Events).Include(r => r.Attachments).Include(r => r.Medicines).Include(r => r.Tasks)
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == command.ReferralId && r.PatientId == command.PatientId, cancellationToken) ?? throw new NotFoundException("Referral", command.ReferralId);
            if (referral.Status != ReferralStatus.AppointmentProposed || referral.ToDepartmentId is not { } department)
            {
                throw new DomainConflictException("referral_wrong_state", "This referral has no proposed time to book.");
            }

            var now = clock.GetUtcNow();
            var slotId = command.SlotId ?? referral.ProposedSlotId!.Value;
            if (!await ReferralSlots.Free(db, department, now, slotId).AnyAsync(cancellationToken))
            {
                // Note: the proposed time taken meanwhile is the usual lost race; any other slot is not the referral's.
                throw slotId == referral.ProposedSlotId
                    ? BookingRules.Problem("slot_taken")
                    : new DomainRuleException("referral_slot_not_reserved", "Choose a free reserved referral time of the receiving department.");
            }

            var slot = await db.Slots.AsNoTracking().SingleAsync(s => s.Id == slotId, cancellationToken);
            var doctor = await db.Doctors.AsNoTracking().SingleAsync(d => d.Id == slot.DoctorId, cancellationToken);
            await rules.EnsureAllowedAsync(command.PatientId, slot, ignoring: null, cancellationToken);

            var appointment = Appointment.Hold(
                new NewAppointment(command.PatientId, accountId, slot, VisitType.InPerson, doctor.FeeFor(VisitType.InPerson), payments.Value.Currency, FollowUpBasis.NotRequired, null, null, now + booking.Value.HoldDuration, referral.Id),
                now);
            db.Appointments.Add(appointment);
            referral.Book(appointment.Id, accountId, now);
            audit.Record("appointment.held", nameof(Appointment), appointment.Id.ToString(), command.PatientId, $"{appointment.Status} referral={referral.Id}");
            audit.Record("referral.booked", nameof(Referral), referral.Id.ToString(), command.PatientId, $"from={referral.FromFacilityId} to={referral.ToFacilityId}");
            AppointmentMessages.Push(live, afterCommit, appointment, accountId, doctor.AccountId);
            unitOfWork.OnUniqueViolation(BookingRules.FromUniqueViolation);
            return await ReferralViews.ToViewAsync(db, referral, viewer: null, cancellationToken);
        }
    }
}
