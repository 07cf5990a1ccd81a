using InternetHospital.Domain.Emergency;

namespace InternetHospital.Application.Emergency;

internal static class EmergencyQueries
{
    /// <summary>What a board row needs: the case with its timeline, vitals and alerts (not messages or images).</summary>
    public static IQueryable<EmergencyCase> ForBoard(IAppDbContext db) => db.EmergencyCases.AsNoTracking()
        .Include(c => c.Timeline)
        .Include(c => c.Vitals)
        .Include(c => c.Alerts).ThenInclude(a => a.Acks)
        .AsSplitQuery();
}
