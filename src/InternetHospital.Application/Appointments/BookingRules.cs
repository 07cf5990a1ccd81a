using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// A patient's limits, checked on the server before a slot is taken: no two appointments at the same time, one
/// appointment per doctor per day, and at most <see cref="BookingOptions.MaxActiveHolds"/> unpaid holds (anti-scalping).
/// The same-day rule is also a unique index; the others are checked here in one query.
/// </summary>
public sealed class BookingRules(IAppDbContext db, IOptions<BookingOptions> options)
{
    /// <summary>Throws the problem the patient would see; <paramref name="ignoring"/> is the appointment being moved, if any.</summary>
    public async Task EnsureAllowedAsync(Guid patientId, Slot slot, Guid? ignoring, CancellationToken cancellationToken)
    {
        var code = await FirstViolationAsync(patientId, slot, ignoring, cancellationToken);
        if (code is not null)
        {
            throw Problem(code);
        }
    }

    /// <summary>The stable code of the first limit the booking would break, or null.</summary>
    public async Task<string?> FirstViolationAsync(Guid patientId, Slot slot, Guid? ignoring, CancellationToken cancellationToken)
    {
        // Note: a patient has a handful of upcoming appointments at most; one small query, counted here.
        var upcoming = Appointment.UpcomingStates;
        var mine = await db.Appointments
            .Where(a => a.PatientId == patientId && upcoming.Contains(a.Status) && a.Id != ignoring)
            .Select(a => new { a.Start, a.End, a.DoctorId, a.LocalDate, a.Status })
            .ToListAsync(cancellationToken);
        return Evaluate(
            mine.Count(a => a.Start < slot.End && slot.Start < a.End),
            mine.Count(a => a.DoctorId == slot.DoctorId && a.LocalDate == slot.LocalDate),
            mine.Count(a => Appointment.HoldStates.Contains(a.Status)),
            ignoring is null,
            options.Value.MaxActiveHolds);
    }

    internal static string? Evaluate(int overlapping, int sameDoctorSameDay, int holds, bool isNewHold, int maxHolds) =>
        overlapping > 0 ? "overlapping_appointment"
        : sameDoctorSameDay > 0 ? "same_doctor_same_day"
        : isNewHold && holds >= maxHolds ? "too_many_holds"
        : null;

    public static DomainException Problem(string code) => code switch
    {
        "overlapping_appointment" => new DomainConflictException(code, "You already have an appointment at this time."),
        "same_doctor_same_day" => new DomainConflictException(code, "You already have an appointment with this doctor on this day."),
        "too_many_holds" => new DomainRuleException(code, "You are holding as many unpaid appointments as allowed. Pay for or cancel one first."),
        "slot_taken" => new DomainConflictException(code, "Someone else has just taken this time."),
        _ => new DomainConflictException(code, code),
    };

    /// <summary>What a refused save on one of the booking indexes means for the patient.</summary>
    public static DomainException FromUniqueViolation(Common.Exceptions.UniqueConstraintException exception) =>
        exception.Constraint?.Contains("ActivePatient", StringComparison.Ordinal) == true
            ? Problem("same_doctor_same_day")
            : Problem("slot_taken");
}
