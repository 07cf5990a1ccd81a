using InternetHospital.Application.Doctors;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Payments;

namespace InternetHospital.Application.Appointments;

/// <summary>An appointment as the patient and the doctor see it. Times are UTC; <see cref="TimeZone"/> says how to show them.</summary>
public sealed record AppointmentView(
    Guid Id,
    Guid PatientId,
    string PatientName,
    AppointmentDoctor Doctor,
    DepartmentRef Department,
    FacilityRef Facility,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateOnly LocalDate,
    string TimeZone,
    VisitType VisitType,
    AppointmentStatus Status,
    decimal Fee,
    string Currency,
    DateTimeOffset? HoldExpiresAt,
    Guid? PaymentId,
    PaymentStatus? PaymentStatus,
    decimal RefundedAmount,
    FollowUpBasis FollowUpBasis,
    string? FollowUpDiagnosisCode,
    bool HasProof,
    string? ReviewNote,
    CancelledBy? CancelledBy,
    string? CancellationReason,
    DateTimeOffset? CancelledAt,
    DateTimeOffset ChangeDeadline,
    bool CanCancel,
    bool CanReschedule,
    DateTimeOffset CreatedAt);

public sealed record AppointmentDoctor(Guid Id, string Name, string Title, string TitleEn);

/// <summary>One appointment with everything its views need, loaded in one query.</summary>
internal sealed record AppointmentRow(
    Appointment Appointment,
    string PatientName,
    AppointmentDoctor Doctor,
    DepartmentRef Department,
    string DepartmentCode,
    FacilityRef Facility,
    PaymentStatus? PaymentStatus,
    decimal? RefundedAmount)
{
    public AppointmentView ToView(DateTimeOffset now, BookingOptions booking, HospitalOptions hospital)
    {
        var a = Appointment;
        var deadline = a.Start - booking.ChangeCutoff;
        var changeable = a.Status is AppointmentStatus.PendingReview or AppointmentStatus.PendingPayment
            || (a.Status == AppointmentStatus.Booked && now <= deadline);
        return new AppointmentView(
            a.Id, a.PatientId, PatientName, Doctor, Department, Facility, a.Start, a.End, a.LocalDate, hospital.TimeZone,
            a.VisitType, a.Status, a.Fee, a.Currency, a.HoldExpiresAt, a.PaymentId, PaymentStatus,
            PaymentStatus == Domain.Payments.PaymentStatus.Refunded ? RefundedAmount ?? 0 : 0,
            a.FollowUpBasis, a.FollowUpDiagnosisCode, a.ProofFileId is not null, a.ReviewNote, a.CancelledBy, a.CancellationReason,
            a.CancelledAt, deadline, changeable, changeable && a.Status != AppointmentStatus.PendingReview, a.CreatedAt);
    }
}

internal static class AppointmentQueries
{
    /// <summary>The rows of the given appointments (filter, order and page them before calling; re-order what comes back).</summary>
    public static IQueryable<AppointmentRow> Rows(IAppDbContext db, IQueryable<Appointment> appointments) =>
        from a in appointments
        join d in db.Doctors on a.DoctorId equals d.Id
        join dep in db.Departments on a.DepartmentId equals dep.Id
        join f in db.Facilities on dep.FacilityId equals f.Id
        join p in db.Patients on a.PatientId equals p.Id
        join pay in db.Payments on a.PaymentId equals (Guid?)pay.Id into payments
        from pay in payments.DefaultIfEmpty()
        select new AppointmentRow(
            a,
            p.FullName,
            new AppointmentDoctor(d.Id, d.FullName, d.Title, d.TitleEn),
            new DepartmentRef(dep.Id, dep.Name, dep.NameEn),
            dep.Code,
            new FacilityRef(f.Id, f.Name, f.NameEn),
            pay == null ? (PaymentStatus?)null : pay.Status,
            pay == null ? (decimal?)null : pay.RefundedAmount);
}
