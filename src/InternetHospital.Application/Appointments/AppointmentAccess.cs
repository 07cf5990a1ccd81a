using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

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

        try
        {
            await guard.EnsureCanActForAsync(appointment.PatientId, PatientScope.Appointments, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Appointment", appointment.Id);
        }
    }

    /// <summary>The appointment (tracked) if the caller may act for its patient in <paramref name="scope"/> (appointments unless said), else 404.</summary>
    public static async Task<Appointment> LoadForPatientAsync(IAppDbContext db, IPatientAccessGuard guard, Guid appointmentId, CancellationToken cancellationToken, PatientScope scope = PatientScope.Appointments)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", appointmentId);
        try
        {
            await guard.EnsureCanActForAsync(appointment.PatientId, scope, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Appointment", appointmentId);
        }

        return appointment;
    }
}
