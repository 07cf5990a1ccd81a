using System.Globalization;
using InternetHospital.Application.His;
using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Appointments;

/// <summary>Writes a calendar file (RFC 5545) for an appointment; the infrastructure uses Ical.Net.</summary>
public interface IAppointmentCalendar
{
    NoticeAttachment Create(AppointmentCalendarEntry entry);
}

/// <param name="Sequence">Grows with every change, so calendars replace the earlier version of the same event.</param>
public sealed record AppointmentCalendarEntry(Guid AppointmentId, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary, string Description, string Location, bool Cancelled);

/// <summary>
/// Everything the outside world hears about an appointment: the patient's notices (in-app, e-mail with a calendar
/// file), the doctor's, live pushes to open browsers, and the HIS outbox. All of it joins the caller's unit of work.
/// </summary>
public sealed class AppointmentMessages(
    IAppDbContext db,
    INotifier notifier,
    IHisOutbox his,
    IAppointmentCalendar calendar,
    ILiveUpdates live,
    IAfterCommit afterCommit,
    IAccountService accounts,
    IOptions<HospitalOptions> hospital,
    IOptions<BookingOptions> booking)
{
    public const string LiveEvent = "appointmentChanged";

    public async Task BookedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        his.Enqueue(appointment.PatientId, new AppointmentBookedMessage(appointment.Id, appointment.PatientId, appointment.DoctorId, info.DepartmentCode, appointment.Start, appointment.End, appointment.VisitType.ToString()));
        await NotifyPatientAsync(appointment, AppointmentNotifications.Confirmed, Parameters(appointment, info), [await CalendarFileAsync(appointment, info, cancelled: false, cancellationToken)], cancellationToken, action: AppointmentNotifications.BookedAction);
        Changed(appointment, info);
    }

    /// <param name="cancelledBy">The account that cancelled (a guardian or proxy is named in the texts).</param>
    public async Task CancelledAsync(Appointment appointment, bool hisKnew, decimal? refunded, CancellationToken cancellationToken, Guid? cancelledBy = null)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        EnqueueHisCancelled(appointment, hisKnew);
        var parameters = WithRefund(Parameters(appointment, info), refunded, appointment.Currency);
        await NotifyPatientAsync(appointment, AppointmentNotifications.Cancelled, parameters, hisKnew ? [await CalendarFileAsync(appointment, info, cancelled: true, cancellationToken)] : null, cancellationToken, actor: cancelledBy, action: AppointmentNotifications.CancelledAction);
        Changed(appointment, info);
    }

    public async Task CancelledByHospitalAsync(Appointment appointment, bool hisKnew, decimal? refunded, IReadOnlyList<DateTimeOffset> nextFreeSlots, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        EnqueueHisCancelled(appointment, hisKnew);
        var parameters = WithRefund(Parameters(appointment, info), refunded, appointment.Currency);
        parameters["nextSlots"] = string.Join(';', nextFreeSlots.Select(Iso));
        await NotifyPatientAsync(appointment, AppointmentNotifications.CancelledByHospital, parameters, hisKnew ? [await CalendarFileAsync(appointment, info, cancelled: true, cancellationToken)] : null, cancellationToken);
        Changed(appointment, info);
    }

    public async Task HoldExpiredAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        await NotifyPatientAsync(appointment, AppointmentNotifications.HoldExpired, Parameters(appointment, info), null, cancellationToken, sendEmail: false);
        Changed(appointment, info);
    }

    public async Task LatePaymentRefundedAsync(Appointment appointment, decimal amount, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        await NotifyPatientAsync(appointment, AppointmentNotifications.LatePaymentRefunded, WithRefund(Parameters(appointment, info), amount, appointment.Currency), null, cancellationToken);
        Changed(appointment, info);
    }

    public async Task RescheduledAsync(Appointment appointment, DateTimeOffset previousStart, CancellationToken cancellationToken, Guid? rescheduledBy = null)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        var confirmed = appointment.Status == AppointmentStatus.Booked;
        if (confirmed)
        {
            his.Enqueue(appointment.PatientId, new AppointmentRescheduledMessage(appointment.Id, appointment.PatientId, appointment.DoctorId, appointment.Start, appointment.End));
        }

        var parameters = Parameters(appointment, info);
        parameters["previousStart"] = Iso(previousStart);
        await NotifyPatientAsync(appointment, AppointmentNotifications.Rescheduled, parameters, confirmed ? [await CalendarFileAsync(appointment, info, cancelled: false, cancellationToken)] : null, cancellationToken, sendEmail: confirmed, actor: rescheduledBy, action: AppointmentNotifications.RescheduledAction);
        Changed(appointment, info);
    }

    public async Task ReminderAsync(Appointment appointment, string kind, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        await NotifyPatientAsync(appointment, kind, Parameters(appointment, info), null, cancellationToken);
    }

    public async Task ReviewRequestedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        await notifier.NotifyAsync(new Notice(info.DoctorAccountId!.Value, AppointmentNotifications.ReviewRequested, Parameters(appointment, info), "/follow-up-reviews", SendEmail: false), cancellationToken);
        Changed(appointment, info);
    }

    public async Task FollowUpReviewedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        if (appointment.Status == AppointmentStatus.Booked)
        {
            await BookedAsync(appointment, cancellationToken);
            return;
        }

        var parameters = Parameters(appointment, info);
        var kind = appointment.Status == AppointmentStatus.Cancelled ? AppointmentNotifications.FollowUpRejected : AppointmentNotifications.FollowUpAccepted;
        await NotifyPatientAsync(appointment, kind, parameters, null, cancellationToken);
        Changed(appointment, info);
    }

    public async Task BookedByDoctorAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        if (appointment.Status == AppointmentStatus.Booked)
        {
            await BookedAsync(appointment, cancellationToken);
            return;
        }

        await NotifyPatientAsync(appointment, AppointmentNotifications.BookedByDoctor, Parameters(appointment, info), null, cancellationToken);
        Changed(appointment, info);
    }

    public async Task WaitlistOfferedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(appointment, cancellationToken);
        await NotifyPatientAsync(appointment, AppointmentNotifications.WaitlistOffered, Parameters(appointment, info), null, cancellationToken);
        Changed(appointment, info);
    }

    /// <summary>The calendar file the patient can download ("add to calendar").</summary>
    public async Task<NoticeAttachment> CalendarFileAsync(Appointment appointment, CancellationToken cancellationToken) =>
        await CalendarFileAsync(appointment, await InfoAsync(appointment, cancellationToken), appointment.Status == AppointmentStatus.Cancelled, cancellationToken);

    /// <summary>Tells open browsers of the patient and the doctor that the appointment changed (after the save).</summary>
    public async Task ChangedAsync(Appointment appointment, CancellationToken cancellationToken) =>
        Changed(appointment, await InfoAsync(appointment, cancellationToken));

    /// <summary>The live push when the caller already knows both accounts (no look-up).</summary>
    public void Changed(Appointment appointment, Guid? patientAccountId, Guid? doctorAccountId) =>
        Push(live, afterCommit, appointment, patientAccountId, doctorAccountId);

    /// <summary>
    /// The same push without this class: a plain hold needs nothing else of it, and constructing it builds the
    /// notifier with every template and the account service with Identity's user manager, on every booking.
    /// </summary>
    public static void Push(ILiveUpdates live, IAfterCommit afterCommit, Appointment appointment, Guid? patientAccountId, Guid? doctorAccountId)
    {
        var payload = new { id = appointment.Id, status = appointment.Status.ToString(), doctorId = appointment.DoctorId };
        foreach (var account in new[] { patientAccountId, doctorAccountId }.Where(a => a is not null).Distinct())
        {
            afterCommit.Enqueue(ct => live.SendToAccountAsync(account!.Value, LiveEvent, payload, ct));
        }
    }

    private void Changed(Appointment appointment, Info info) => Changed(appointment, info.PatientAccountId, info.DoctorAccountId);

    private void EnqueueHisCancelled(Appointment appointment, bool hisKnew)
    {
        // Note: the HIS only hears of appointments once they are confirmed; a lapsed hold never reached it.
        if (hisKnew)
        {
            his.Enqueue(appointment.PatientId, new AppointmentCancelledMessage(appointment.Id, appointment.PatientId, appointment.CancellationReason ?? "cancelled"));
        }
    }

    /// <summary>
    /// Everyone acting for the patient in appointments hears it (the patient, a guardian, a proxy with that scope); the
    /// texts name the patient and the guardian or proxy who acted (by default the one who booked).
    /// </summary>
    private async Task NotifyPatientAsync(Appointment appointment, string kind, Dictionary<string, string> parameters, IReadOnlyList<NoticeAttachment>? attachments, CancellationToken cancellationToken, bool sendEmail = true, Guid? actor = null, NoticeAction? action = null) =>
        await notifier.NotifyPatientAsync(
            new PatientNotice(appointment.PatientId, PatientScope.Appointments, actor ?? appointment.BookedByAccountId, kind, parameters, $"/appointments/{parameters["appointmentId"]}", sendEmail, attachments, action),
            cancellationToken);

    private Dictionary<string, string> Parameters(Appointment appointment, Info info) => new(StringComparer.Ordinal)
    {
        ["appointmentId"] = appointment.Id.ToString(),
        ["start"] = Iso(appointment.Start),
        ["end"] = Iso(appointment.End),
        ["timeZone"] = hospital.Value.TimeZone,
        ["doctor"] = info.DoctorName,
        ["visitType"] = appointment.VisitType.ToString(),
        ["facility"] = info.FacilityName,
        ["facilityEn"] = info.FacilityNameEn,
        ["cutoffHours"] = booking.Value.ChangeCutoff.TotalHours.ToString("0.#", CultureInfo.InvariantCulture),
        ["payBy"] = Iso(appointment.HoldExpiresAt ?? appointment.Start),
        ["status"] = appointment.Status.ToString(),
    };

    private static Dictionary<string, string> WithRefund(Dictionary<string, string> parameters, decimal? refunded, string currency)
    {
        if (refunded is { } amount && amount > 0)
        {
            parameters["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture);
            parameters["currency"] = currency;
        }

        return parameters;
    }

    /// <summary>The calendar entry in the patient's language, as the e-mail it comes with (not both languages at once).</summary>
    private async Task<NoticeAttachment> CalendarFileAsync(Appointment appointment, Info info, bool cancelled, CancellationToken cancellationToken)
    {
        var preferred = info.PatientAccountId is { } account ? (await accounts.FindAsync(account, cancellationToken))?.PreferredLanguage : null;
        var language = SupportedLanguages.IsSupported(preferred) ? preferred! : hospital.Value.DefaultLanguage;
        var english = language == SupportedLanguages.English;
        var video = appointment.VisitType == VisitType.Video;
        var summary = english
            ? $"{(video ? "Video follow-up" : "Outpatient visit")} – Dr {info.DoctorName}"
            : $"{(video ? "视频复诊" : "门诊就诊")} – {info.DoctorName}医生";
        var link = hospital.Value.PublicUrl.TrimEnd('/') + $"/appointments/{appointment.Id}";
        var location = video ? link : (english ? info.FacilityNameEn : info.FacilityName);
        var description = $"{hospital.Value.NameIn(language)}\n{link}";
        return calendar.Create(new AppointmentCalendarEntry(appointment.Id, appointment.RescheduleCount + (cancelled ? 1 : 0), appointment.Start, appointment.End, summary, description, location, cancelled));
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private async Task<Info> InfoAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var doctor = await (
            from d in db.Doctors
            join dep in db.Departments on d.DepartmentId equals dep.Id
            join f in db.Facilities on dep.FacilityId equals f.Id
            where d.Id == appointment.DoctorId
            select new { d.FullName, d.AccountId, dep.Code, f.Name, f.NameEn })
            .SingleAsync(cancellationToken);
        var patientAccount = await db.PatientAccesses
            .Where(a => a.PatientId == appointment.PatientId && a.RevokedAt == null)
            .OrderBy(a => a.Relationship == PatientRelationship.Self ? 0 : 1)
            .Select(a => (Guid?)a.AccountId)
            .FirstOrDefaultAsync(cancellationToken);
        return new Info(doctor.FullName, doctor.AccountId, doctor.Code, doctor.Name, doctor.NameEn, patientAccount);
    }

    private sealed record Info(string DoctorName, Guid? DoctorAccountId, string DepartmentCode, string FacilityName, string FacilityNameEn, Guid? PatientAccountId);
}
