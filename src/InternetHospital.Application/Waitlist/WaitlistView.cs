using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.Waitlist;

public sealed record WaitlistView(Guid Id, Guid DoctorId, string DoctorName, string DoctorTitle, string DoctorTitleEn, DateOnly Date, VisitType VisitType, WaitlistStatus Status, int Position, Guid? OfferedAppointmentId, string TimeZone)
{
    internal static async Task<IReadOnlyList<WaitlistView>> QueryAsync(IAppDbContext db, IQueryable<WaitlistEntry> entries, HospitalOptions hospital, CancellationToken cancellationToken)
    {
        var rows = await (
            from w in entries.AsNoTracking()
            join d in db.Doctors on w.DoctorId equals d.Id
            orderby w.Date, w.CreatedAt
            select new
            {
                Entry = w,
                d.FullName,
                d.Title,
                d.TitleEn,
                Ahead = db.WaitlistEntries.Count(o => o.DoctorId == w.DoctorId && o.Date == w.Date && o.Status == WaitlistStatus.Waiting && o.CreatedAt < w.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WaitlistView(
            r.Entry.Id, r.Entry.DoctorId, r.FullName, r.Title, r.TitleEn, r.Entry.Date, r.Entry.VisitType, r.Entry.Status,
            r.Entry.Status == WaitlistStatus.Waiting ? r.Ahead + 1 : 0, r.Entry.OfferedAppointmentId, hospital.TimeZone)).ToList();
    }
}
