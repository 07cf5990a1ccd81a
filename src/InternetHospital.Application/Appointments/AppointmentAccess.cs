using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;

namespace InternetHospital.Application.Appointments;

/// <summary>Who may see an appointment: the patient's accounts and the treating doctor (or an admin). Others get 404.</summary>
internal static class AppointmentAccess
{
    public static async Task EnsureCanSeeAsync(Appointment appointment, IPatientAccessGuard guard, StaffAccess staff, CancellationToken cancellationToken)
    {
        if (await staff.IsDoctorOfAsync(appointment.DoctorId, cancellationToken))
        {
            return;
        }

        try
        {
            await guard.EnsureCanActForAsync(appointment.PatientId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Appointment", appointment.Id);
        }
    }
}
