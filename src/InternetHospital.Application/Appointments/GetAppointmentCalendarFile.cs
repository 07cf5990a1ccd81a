using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Appointments;

/// <summary>The appointment as a calendar file (.ics) to add to the patient's own calendar.</summary>
public sealed record GetAppointmentCalendarFile(Guid AppointmentId) : IQuery<NoticeAttachment>
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, AppointmentMessages messages) : IQueryHandler<GetAppointmentCalendarFile, NoticeAttachment>
    {
        public async ValueTask<NoticeAttachment> Handle(GetAppointmentCalendarFile query, CancellationToken cancellationToken)
        {
            var appointment = await AppointmentAccess.LoadForPatientAsync(db, guard, query.AppointmentId, cancellationToken);
            return await messages.CalendarFileAsync(appointment, cancellationToken);
        }
    }
}
