using InternetHospital.Application.Audit;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Payments;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The "pay" step of a held appointment: starts the payment of the fee (or returns the one already waiting), so a
/// double click never creates two. The provider's outcome books the appointment (<see cref="AppointmentPaymentOutcomes"/>).
/// </summary>
public sealed record StartAppointmentPayment(Guid AppointmentId) : ICommand<AppointmentPayment>
{
    public sealed class Handler(
        IAppDbContext db,
        IPatientAccessGuard guard,
        ICurrentUser currentUser,
        IPayments payments,
        IPaymentGateway gateway,
        IAuditLog audit,
        IOptions<HospitalOptions> hospital,
        TimeProvider clock)
        : ICommandHandler<StartAppointmentPayment, AppointmentPayment>
    {
        public async ValueTask<AppointmentPayment> Handle(StartAppointmentPayment command, CancellationToken cancellationToken)
        {
            var appointment = await AppointmentAccess.LoadForPatientAsync(db, guard, command.AppointmentId, cancellationToken, PatientScope.Payments);

            if (appointment.PaymentId is { } existingId)
            {
                var existing = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == existingId, cancellationToken);
                if (existing.Status == PaymentStatus.Pending && appointment.Status == AppointmentStatus.PendingPayment)
                {
                    return AppointmentPayment.From(existing, gateway);
                }
            }

            var now = clock.GetUtcNow();
            if (appointment.Status != AppointmentStatus.PendingPayment)
            {
                throw new Domain.Common.DomainConflictException("not_awaiting_payment", "This appointment is not waiting for payment.");
            }

            var payment = await payments.StartAsync(
                new NewPayment(currentUser.RequireAccountId(), appointment.PatientId, AppointmentPaymentOutcomes.Purpose, appointment.Id, appointment.Fee, Description(appointment, hospital.Value)),
                cancellationToken);
            appointment.AttachPayment(payment.Id, now);
            audit.Record("appointment.payment_started", nameof(Appointment), appointment.Id.ToString(), appointment.PatientId);
            return AppointmentPayment.From(payment, gateway);
        }

        /// <summary>What receipts and the provider show: bilingual, in the hospital's time, no health details.</summary>
        private static string Description(Appointment appointment, HospitalOptions hospital)
        {
            var local = TimeZoneInfo.ConvertTime(appointment.Start, hospital.TimeZoneInfo);
            return $"挂号费 Consultation fee {local:yyyy-MM-dd HH:mm} ({hospital.TimeZone})";
        }
    }
}

public sealed record AppointmentPayment(Guid PaymentId, decimal Amount, string Currency, PaymentStatus Status, bool Simulated)
{
    public static AppointmentPayment From(Payment payment, IPaymentGateway gateway) =>
        new(payment.Id, payment.Amount, payment.Currency, payment.Status, gateway.IsSimulated && payment.Provider == gateway.Name);
}
