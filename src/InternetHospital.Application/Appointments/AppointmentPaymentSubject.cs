using System.Globalization;
using InternetHospital.Application.Payments;

namespace InternetHospital.Application.Appointments;

/// <summary>An appointment's fee as receipts and refund notices name it: the visit, the doctor and the time it has now.</summary>
internal sealed class AppointmentPaymentSubject(IAppDbContext db, IOptions<HospitalOptions> hospital) : IPaymentSubject
{
    public string Purpose => AppointmentPaymentOutcomes.Purpose;

    public async Task<IReadOnlyDictionary<string, string>?> DescribeAsync(Guid referenceId, CancellationToken cancellationToken)
    {
        // Note: the appointment may be changed in this very unit of work (a cancellation refunds); Local sees that.
        var appointment = db.Appointments.Local.SingleOrDefault(a => a.Id == referenceId)
            ?? await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == referenceId, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var doctor = await db.Doctors.AsNoTracking().Where(d => d.Id == appointment.DoctorId).Select(d => d.FullName).SingleAsync(cancellationToken);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["item"] = "appointment",
            ["appointmentId"] = appointment.Id.ToString(),
            ["start"] = appointment.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["timeZone"] = hospital.Value.TimeZone,
            ["doctor"] = doctor,
            ["visitType"] = appointment.VisitType.ToString(),
        };
    }
}
