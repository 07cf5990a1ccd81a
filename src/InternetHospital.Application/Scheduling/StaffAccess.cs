using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Scheduling;

/// <summary>
/// Which doctor a staff request acts on: a doctor acts on their own timetable and appointments; a system administrator may
/// name any doctor of its institutions (the consortium's administrator any doctor). Anyone else, or a doctor naming a colleague, gets 403.
/// </summary>
public sealed class StaffAccess(IAppDbContext db, ICurrentUser currentUser, InstitutionScope scope)
{
    /// <summary>The signed-in doctor's profile (403 for an account without one).</summary>
    public async Task<Doctor> CurrentDoctorAsync(CancellationToken cancellationToken)
    {
        var accountId = currentUser.RequireAccountId();
        return await db.Doctors.SingleOrDefaultAsync(d => d.AccountId == accountId, cancellationToken)
            ?? throw new ForbiddenAccessException("not_a_doctor", "Only doctors can do this.");
    }

    /// <summary>The doctor named (system administrators), or the caller's own profile when none is named (doctors).</summary>
    public async Task<Doctor> DoctorToActOnAsync(Guid? doctorId, CancellationToken cancellationToken)
    {
        if (doctorId is null)
        {
            return await CurrentDoctorAsync(cancellationToken);
        }

        if (!Roles.SystemAdministrators.Any(currentUser.IsInRole))
        {
            var own = await CurrentDoctorAsync(cancellationToken);
            if (own.Id != doctorId)
            {
                throw new ForbiddenAccessException("not_your_schedule", "Doctors manage their own schedule only.");
            }

            return own;
        }

        var doctor = await db.Doctors.SingleOrDefaultAsync(d => d.Id == doctorId, cancellationToken)
            ?? throw new NotFoundException("Doctor", doctorId);
        await scope.EnsureDoctorAsync(doctor.Id, cancellationToken);
        return doctor;
    }

    /// <summary>
    /// Whether the caller is the appointment's doctor. Administrators are not: they set the hospital up and see
    /// no clinical content (a system administrator with a real need reads one appointment through break-glass).
    /// </summary>
    public async Task<bool> IsDoctorOfAsync(Guid doctorId, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Doctor) || currentUser.AccountId is not { } accountId)
        {
            return false;
        }

        return await db.Doctors.AnyAsync(d => d.Id == doctorId && d.AccountId == accountId, cancellationToken);
    }
}
