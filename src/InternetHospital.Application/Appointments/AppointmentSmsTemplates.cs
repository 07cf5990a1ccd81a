using System.Globalization;
using InternetHospital.Application.Notifications;
using InternetHospital.Application.Sms;

namespace InternetHospital.Application.Appointments;

/// <summary>
/// The appointment news that also goes by SMS: reminders (held back during the person's quiet hours) and cancellations.
/// Only the patient's and the doctor's names and the time: not the department, the visit type or any reason.
/// </summary>
internal abstract class AppointmentSmsTemplate(string kind, SmsTemplate template) : ISmsNotificationTemplate
{
    public string Kind => kind;

    public SmsTemplate Template => template;

    public IReadOnlyDictionary<string, SmsParameter> Parameters(IReadOnlyDictionary<string, string> parameters, string patientName, TimeZoneInfo zone) =>
        new Dictionary<string, SmsParameter>(StringComparer.Ordinal)
        {
            ["patient"] = SmsParameter.Name(patientName),
            ["doctor"] = SmsParameter.Name(parameters["doctor"]),
            ["time"] = SmsParameter.Time(DateTimeOffset.Parse(parameters["start"], CultureInfo.InvariantCulture), zone),
        };
}

internal sealed class DayReminderSms() : AppointmentSmsTemplate(AppointmentNotifications.DayReminder, SmsTemplates.AppointmentReminder);

internal sealed class HourReminderSms() : AppointmentSmsTemplate(AppointmentNotifications.HourReminder, SmsTemplates.AppointmentReminder);

internal sealed class CancelledSms() : AppointmentSmsTemplate(AppointmentNotifications.Cancelled, SmsTemplates.AppointmentCancelled);

internal sealed class CancelledByHospitalSms() : AppointmentSmsTemplate(AppointmentNotifications.CancelledByHospital, SmsTemplates.AppointmentCancelled);
