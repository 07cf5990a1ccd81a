using InternetHospital.Domain.HealthCodes;
using InternetHospital.Domain.Hospital;

namespace InternetHospital.Application.HealthCodes;

internal static class HealthCodeHolders
{
    /// <summary>The patient's holder row, created (with a fresh handle) the first time a code is asked for.</summary>
    public static async Task<HealthCodeHolder> GetOrCreateAsync(IAppDbContext db, Guid patientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holder = await db.HealthCodeHolders.SingleOrDefaultAsync(h => h.PatientId == patientId, cancellationToken);
        if (holder is null)
        {
            holder = HealthCodeHolder.Create(patientId, HealthCodeSecrets.NewHandle(), now);
            db.HealthCodeHolders.Add(holder);
        }

        return holder;
    }

    /// <summary>The consortium's lead hospital issues codes (one code for every institution, 一码通用).</summary>
    public static async Task<string> IssuerAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.Facilities.AsNoTracking().OrderBy(f => f.Kind == FacilityKind.Hospital ? 0 : 1).ThenBy(f => f.Code).Select(f => f.Code).FirstOrDefaultAsync(cancellationToken)
        ?? "-";

    public static async Task<DateTimeOffset?> StaticIssuedAtAsync(IAppDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        (await db.StaticHealthCodes.AsNoTracking().Where(s => s.PatientId == patientId && s.RevokedAt == null).Select(s => s.IssuedAt).ToListAsync(cancellationToken))
        .Cast<DateTimeOffset?>().Max();
}
