using System.ComponentModel.DataAnnotations;
using System.Globalization;
using InternetHospital.Application.Audit;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Retention;

/// <summary>
/// Section <c>Retention</c> (domain rule 12). The minimums are the law's: a configuration below them refuses to start.
/// Medical records (visit notes, prescriptions, appointments) and the audit log are never deleted by the job.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Turn the background job off (for example on all but one instance; running it on several is also safe).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Years visit chat and family-doctor messages are kept (text chat process records: at least 3).</summary>
    [Range(3, 100, ErrorMessage = "Retention:VisitChatYears must be at least 3 (domain rule 12: chat records are kept at least 3 years).")]
    public int VisitChatYears { get; set; } = 3;

    /// <summary>Years uploaded files (chat photos and PDFs, diagnosis proofs) are kept (at least 3).</summary>
    [Range(3, 100, ErrorMessage = "Retention:FileYears must be at least 3 (domain rule 12: files of the visit process are kept at least 3 years).")]
    public int FileYears { get; set; } = 3;
}

public sealed record RetentionResult(int VisitMessages, int FamilyMessages, int Files, int Recordings = 0);

/// <summary>
/// Deletes what has passed its retention period, oldest kinds first, and records in the audit log what kind, how many
/// and up to when. Nothing of a patient under a legal hold is touched. Several instances may run it at once: every
/// delete is by a predicate, so whichever comes second finds nothing left and records nothing.
/// </summary>
internal sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    IOptions<Recordings.RecordingOptions> recordingOptions,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    private const int Batch = 500;

    /// <summary>Purposes of files uploaded as part of care; staff photos and anything without a patient are not retention's.</summary>
    private static readonly string[] PatientFilePurposes = ["visit-chat", "family-message", "diagnosis-proof"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                if (result.VisitMessages + result.FamilyMessages + result.Files + result.Recordings > 0)
                {
                    LogDeleted(logger, result.VisitMessages, result.FamilyMessages, result.Files, result.Recordings);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var chatCutoff = now.AddYears(-options.Value.VisitChatYears);
        var fileCutoff = now.AddYears(-options.Value.FileYears);
        var recordingCutoff = now - recordingOptions.Value.RecordingRetention;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();

        // Note: one transaction, so rows are never gone without the audit entry that says so.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var visitMessages = await DeleteInBatchesAsync(
            db.VisitMessages
                .Where(m => m.SentAt < chatCutoff)
                .Where(m => db.VideoVisits.Any(v => v.Id == m.VisitId && !db.LegalHolds.Any(h => h.PatientId == v.PatientId && h.ReleasedAt == null)))
                .Select(m => m.Id),
            ids => db.VisitMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);

        var familyMessages = await DeleteInBatchesAsync(
            db.FamilyMessages
                .Where(m => m.SentAt < chatCutoff && !db.LegalHolds.Any(h => h.PatientId == m.PatientId && h.ReleasedAt == null))
                .Select(m => m.Id),
            async ids =>
            {
                await db.FamilyMessageAttachments.Where(a => ids.Contains(a.MessageId)).ExecuteDeleteAsync(cancellationToken);
                return await db.FamilyMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            cancellationToken);

        // Note: a file still attached to a kept message stays until its message goes (the chat period may be longer).
        var files = await DeleteInBatchesAsync(
            db.Files
                .Where(f => f.PatientId != null && PatientFilePurposes.Contains(f.Purpose) && f.UploadedAt < fileCutoff)
                .Where(f => !db.LegalHolds.Any(h => h.PatientId == f.PatientId && h.ReleasedAt == null))
                .Where(f => !db.VisitMessages.Any(m => m.FileId == f.Id) && !db.FamilyMessageAttachments.Any(a => a.FileId == f.Id))
                .Select(f => f.Id),
            async ids =>
            {
                await db.FileContents.Where(c => ids.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken);
                return await db.Files.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            cancellationToken);

        // Note: recordings of visits (audio and video process records, Video:RecordingRetention, at least three years)
        // go one by one in the audit log, since each names a patient and a visit; their chunks go with them.
        var recordings = await db.VisitRecordings
            .Where(r => r.RecordedAt < recordingCutoff && !db.LegalHolds.Any(h => h.PatientId == r.PatientId && h.ReleasedAt == null))
            .Select(r => new { r.Id, r.VisitId, r.PatientId, r.RecordedAt })
            .Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var recording in recordings)
        {
            await db.VisitRecordingChunks.Where(c => c.RecordingId == recording.Id).ExecuteDeleteAsync(cancellationToken);
            await db.VisitRecordings.Where(r => r.Id == recording.Id).ExecuteDeleteAsync(cancellationToken);
            audit.Record("retention.deleted", "VisitRecording", recording.Id.ToString(), recording.PatientId,
                string.Create(CultureInfo.InvariantCulture, $"visit {recording.VisitId}, recorded {recording.RecordedAt:O}, kept until {recordingCutoff:O}"));
        }

        Record(audit, "VisitMessage", visitMessages, chatCutoff);
        Record(audit, "FamilyMessage", familyMessages, chatCutoff);
        Record(audit, "File", files, fileCutoff);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RetentionResult(visitMessages, familyMessages, files, recordings.Count);
    }

    private static void Record(IAuditLog audit, string kind, int count, DateTimeOffset cutoff)
    {
        if (count > 0)
        {
            audit.Record("retention.deleted", kind, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{count} deleted, created before {cutoff:O}"));
        }
    }

    private static async Task<int> DeleteInBatchesAsync(IQueryable<Guid> due, Func<List<Guid>, Task<int>> delete, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var ids = await due.Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await delete(ids);
            if (ids.Count < Batch)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {VisitMessages} visit message(s), {FamilyMessages} family message(s), {Files} file(s) and {Recordings} recording(s) past their period deleted")]
    private static partial void LogDeleted(ILogger logger, int visitMessages, int familyMessages, int files, int recordings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention job failed; it will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
