using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Appointments;

/// <summary>Who may see an appointment: the patient's accounts and the treating doctor. Others (administrators too) get 404.</summary>
internal static class AppointmentAccess
{
    public static async Task EnsureCanSeeAsync(Appointment appointment, IPatientAccessGuard guard, StaffAccess staff, CancellationToken cancellationToken)
    {
        if (await staff.IsDoctorOfAsync(appointment.DoctorId, cancellationToken))
        {
            return;
        }

        await HiddenRows.AsNotFoundAsync("Appointment", appointment.Id, () => guard.EnsureCanActForAsync(appointment.PatientId, PatientScope.Appointments, cancellationToken));
    }

    /// <summary>The appointment (tracked) if the caller may act for its patient in <paramref name="scope"/> (appointments unless said), else 404.</summary>
    public static Task<Appointment> LoadForPatientAsync(IAppDbContext db, IPatientAccessGuard guard, Guid appointmentId, CancellationToken cancellationToken, PatientScope scope = PatientScope.Appointments) =>
        db.Appointments.SingleVisibleAsync(a => a.Id == appointmentId, "Appointment", appointmentId, a => guard.EnsureCanActForAsync(a.PatientId, scope, cancellationToken), cancellationToken);
}
