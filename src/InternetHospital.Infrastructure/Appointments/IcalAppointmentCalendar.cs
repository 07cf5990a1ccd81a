using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InternetHospital.Application.Appointments;
using InternetHospital.Application.Notifications;

namespace InternetHospital.Infrastructure.Appointments;

/// <summary>
/// Calendar files with Ical.Net. The event's UID is stable per appointment and SEQUENCE grows with each change, so a
/// moved or cancelled appointment replaces the entry in the patient's calendar instead of adding a second one.
/// </summary>
internal sealed class IcalAppointmentCalendar : IAppointmentCalendar
{
    public NoticeAttachment Create(AppointmentCalendarEntry entry)
    {
        var calendar = new Calendar { Method = entry.Cancelled ? "CANCEL" : "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "InternetHospital");
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{entry.AppointmentId:N}@internethospital",
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(DateTime.UtcNow),
            DtStart = new CalDateTime(entry.Start.UtcDateTime),
            DtEnd = new CalDateTime(entry.End.UtcDateTime),
            Summary = entry.Summary,
            Description = entry.Description,
            Location = entry.Location,
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new NoticeAttachment("appointment.ics", "text/calendar; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }
}
