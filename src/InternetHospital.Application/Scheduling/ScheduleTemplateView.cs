using InternetHospital.Domain.Scheduling;

namespace InternetHospital.Application.Scheduling;

public sealed record ScheduleTemplateView(Guid DoctorId, string TimeZone, IReadOnlyList<SessionSpec> Sessions, DateTimeOffset? UpdatedAt)
{
    public static ScheduleTemplateView From(Guid doctorId, ScheduleTemplate? template, string timeZone) => new(
        doctorId,
        timeZone,
        template?.Sessions.OrderBy(s => (((int)s.Day) + 6) % 7).ThenBy(s => s.Start)
            .Select(s => new SessionSpec(s.Day, s.Start, s.End, s.SlotMinutes, s.InPerson, s.Video)).ToList() ?? [],
        template?.UpdatedAt);
}
