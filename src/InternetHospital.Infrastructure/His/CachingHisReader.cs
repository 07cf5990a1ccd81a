using System.Collections.Concurrent;
using InternetHospital.Application.His;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.His;

/// <summary>
/// Keeps the last answer per patient and kind of data. Younger than <c>FreshFor</c>: served as is. Older: the HIS is
/// asked again; if it cannot answer, the last copy (up to <c>ServeStaleFor</c> old) is served marked stale with its
/// "as of" time, so a page shows yesterday's medication list with a notice instead of an error. Identity look-ups
/// are never cached: a match must be made on what the HIS says now.
/// </summary>
internal sealed partial class CachingHisReader(IHisReader inner, IOptions<HisOptions> options, TimeProvider clock, ILogger<CachingHisReader> logger) : IHisReader
{
    private readonly ConcurrentDictionary<(string Kind, string PatientId), Entry> entries = new();
    private long writes;

    private HisReadCacheOptions Cache => options.Value.ReadCache;

    public Task<IReadOnlyList<HisPatient>> FindPatientsAsync(HisPatientQuery query, CancellationToken cancellationToken) =>
        inner.FindPatientsAsync(query, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisDiagnosis>>> GetDiagnosesAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("diagnoses", hisPatientId, inner.GetDiagnosesAsync, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisMedication>>> GetMedicationsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("medications", hisPatientId, inner.GetMedicationsAsync, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisAllergy>>> GetAllergiesAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("allergies", hisPatientId, inner.GetAllergiesAsync, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisEncounter>>> GetEncountersAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("encounters", hisPatientId, inner.GetEncountersAsync, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisLabReport>>> GetLabReportsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("lab-reports", hisPatientId, inner.GetLabReportsAsync, cancellationToken);

    public Task<HisSnapshot<IReadOnlyList<HisImagingReport>>> GetImagingReportsAsync(string hisPatientId, CancellationToken cancellationToken) =>
        ReadAsync("imaging-reports", hisPatientId, inner.GetImagingReportsAsync, cancellationToken);

    /// <summary>Forgets what is known about a patient (after the portal wrote something the HIS will show).</summary>
    public void Invalidate(string hisPatientId)
    {
        foreach (var key in entries.Keys.Where(k => k.PatientId == hisPatientId))
        {
            entries.TryRemove(key, out _);
        }
    }

    private async Task<HisSnapshot<T>> ReadAsync<T>(
        string kind,
        string hisPatientId,
        Func<string, CancellationToken, Task<HisSnapshot<T>>> read,
        CancellationToken cancellationToken)
    {
        var key = (kind, hisPatientId);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now - cached.FetchedAt < Cache.FreshFor)
        {
            return new HisSnapshot<T>((T)cached.Value, cached.FetchedAt);
        }

        try
        {
            var fresh = await read(hisPatientId, cancellationToken);
            var fetchedAt = clock.GetUtcNow();
            entries[key] = new Entry(fresh.Value!, fetchedAt);
            Sweep(fetchedAt);
            return new HisSnapshot<T>(fresh.Value, fetchedAt);
        }
        catch (HisUnavailableException exception)
        {
            if (cached is not null && now - cached.FetchedAt <= Cache.ServeStaleFor)
            {
                LogServingStale(logger, kind, cached.FetchedAt, exception.Message);
                return new HisSnapshot<T>((T)cached.Value, cached.FetchedAt, IsStale: true);
            }

            LogUnavailable(logger, kind, exception.Message);
            throw;
        }
    }

    /// <summary>Now and then, drop copies too old to serve even when the HIS is down.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref writes) % 256 != 0)
        {
            return;
        }

        foreach (var (key, entry) in entries)
        {
            if (now - entry.FetchedAt > Cache.ServeStaleFor)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(object Value, DateTimeOffset FetchedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The HIS could not be read ({Kind}); serving the copy as of {AsOf:o}. {Reason}")]
    private static partial void LogServingStale(ILogger logger, string kind, DateTimeOffset asOf, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The HIS could not be read ({Kind}) and no recent copy exists. {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);
}
