using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using InternetHospital.Application.Audit;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Infrastructure.Hosting;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Recordings;

/// <summary>
/// Turns a finished visit's raw Janus recordings (<c>.mjr</c>, one per participant and medium) into one playable WebM
/// per participant and stretch of recording: <c>janus-pp-rec</c> extracts the VP8 video and the Opus audio, ffmpeg muxes
/// them without re-encoding (fast, lossless, and WebM plays in every browser the SPA supports). One file per participant
/// rather than a mixed one: mixing means decoding and re-encoding every stream on the API's CPU, and a per-person file
/// keeps each voice attributable. The result is encrypted into the vault and linked to the visit; the raw files are
/// deleted. Each visit is claimed by one instance at a time; a failure is kept and retried later. The loop is the shared
/// <see cref="PeriodicWorker"/>; tests call <see cref="RunOnceAsync"/>.
/// </summary>
internal sealed partial class RecordingProcessor(
    IServiceScopeFactory scopes,
    IOptions<RecordingOptions> options,
    TimeProvider clock,
    ILogger<RecordingProcessor> logger) : PeriodicWorker(clock, logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);
    private readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override TimeSpan Interval => options.Value.RecordingProcessingInterval;

    /// <summary>Without Janus's recording folder there is nothing to process (the mesh cannot record).</summary>
    protected override async Task<bool> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Janus.RecordingDirectory))
        {
            await RunOnceAsync(cancellationToken);
        }

        return false;
    }

    /// <summary>Processes every visit that is due; answers how many playable recordings were made.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var made = 0;
        while (await ClaimNextAsync(cancellationToken) is { } visitId)
        {
            made += await ProcessAsync(visitId, cancellationToken);
        }

        return made;
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var settled = now - options.Value.RecordingSettleTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var candidates = await (
            from job in db.RecordingJobs
            join visit in db.VideoVisits on job.VisitId equals visit.Id
            where job.CompletedAt == null && visit.EndedAt != null && visit.EndedAt <= settled
            select new { job.VisitId, job.ClaimedUntil })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates.Where(c => c.ClaimedUntil is null || c.ClaimedUntil < now))
        {
            // Note: a conditional update is the claim: of two instances only one changes the row.
            var until = now + ClaimFor;
            var claimed = await db.RecordingJobs
                .Where(j => j.VisitId == candidate.VisitId && j.CompletedAt == null && (j.ClaimedUntil == null || j.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedBy, instance).SetProperty(j => j.ClaimedUntil, until), cancellationToken);
            if (claimed == 1)
            {
                return candidate.VisitId;
            }
        }

        return null;
    }

    private async Task<int> ProcessAsync(Guid visitId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.Combine(settings.Janus.RecordingDirectory!, visitId.ToString("N"));
        var work = Directory.CreateTempSubdirectory("ih-recording-");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.RecordingJobs.SingleAsync(j => j.VisitId == visitId, cancellationToken);
        try
        {
            var visit = await db.VideoVisits.AsNoTracking().SingleAsync(v => v.Id == visitId, cancellationToken);
            var vault = scope.ServiceProvider.GetRequiredService<IRecordingVault>();
            var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            var raw = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mjr") : [];

            // Note: Janus names a feed's files by its publisher id, which the API derived from the hub connection
            // (JanusMediaServer.FeedId): so each recording is attributed to the person and role behind it.
            var connections = await db.VisitConnections.AsNoTracking().Where(c => c.VisitId == visitId)
                .Select(c => new { c.ConnectionId, c.AccountId, c.Role }).ToListAsync(cancellationToken);
            var feeds = connections
                .GroupBy(c => Media.JanusMediaServer.FeedId(visitId, c.ConnectionId).ToString(CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.First());
            var made = 0;
            foreach (var group in raw.GroupBy(Stream).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var output = await MakePlayableAsync(group.Key, group.ToList(), work.FullName, cancellationToken);
                if (output is null)
                {
                    continue;
                }

                var (participant, recordedAt) = Describe(group.Key, group.First());
                var who = feeds.GetValueOrDefault(participant);
                var duration = await DurationAsync(output, cancellationToken);
                await using (var content = File.OpenRead(output))
                {
                    await vault.StoreAsync(new NewRecording(visitId, visit.PatientId, who?.Role, who?.AccountId, participant, recordedAt, duration, "video/webm"), content, cancellationToken);
                }

                made++;
            }

            job.Completed(Clock.GetUtcNow());
            audit.Record("visit.recording.processed", "VideoVisit", visitId.ToString(), visit.PatientId,
                string.Create(CultureInfo.InvariantCulture, $"{made} recording(s) from {raw.Length} raw file(s)"));
            await db.SaveChangesAsync(cancellationToken);

            // Note: only once the encrypted copies are committed do the unencrypted raw files go.
            foreach (var file in raw)
            {
                File.Delete(file);
            }

            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }

            LogProcessed(logger, visitId, made);
            return made;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogVisitFailed(logger, exception, visitId);
            db.ChangeTracker.Clear();
            var again = await db.RecordingJobs.SingleAsync(j => j.VisitId == visitId, CancellationToken.None);
            again.Failed(exception.Message, Clock.GetUtcNow(), RetryAfter);
            await db.SaveChangesAsync(CancellationToken.None);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The publisher a raw file belongs to. Janus 1.x names each medium of a publisher on its own:
    /// <c>videoroom-ROOM-user-FEED-TIME-audio-0.mjr</c> and <c>…-user-FEED-TIME'-video-1.mjr</c>, with the time each
    /// track started (so audio and video differ) and the track's index; older releases wrote <c>…-TIME-audio.mjr</c>.
    /// Data channels (<c>-data</c>) are not kept.
    /// </summary>
    private static string Stream(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var match = JanusFile().Match(name);
        return match.Success ? match.Groups["publisher"].Value : MediumSuffix().Replace(name, string.Empty);
    }

    private static bool IsMedium(string path, string medium)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var match = JanusFile().Match(name);
        if (match.Success)
        {
            return match.Groups["medium"].Value == medium;
        }

        var suffix = MediumSuffix().Match(name);
        return suffix.Success && suffix.Groups[1].Value == medium;
    }

    private async Task<string?> MakePlayableAsync(string stem, IReadOnlyList<string> files, string work, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var video = files.Where(f => IsMedium(f, "video")).Order(StringComparer.Ordinal).FirstOrDefault();
        var audio = files.Where(f => IsMedium(f, "audio")).Order(StringComparer.Ordinal).FirstOrDefault();
        var safe = SafeStem().Replace(stem, "_");
        var inputs = new List<string>();
        if (video is not null)
        {
            var extracted = Path.Combine(work, safe + "-video.webm");
            await RunAsync(settings.JanusPpRecPath, [video, extracted], cancellationToken);
            if (File.Exists(extracted) && new FileInfo(extracted).Length > 0)
            {
                inputs.Add(extracted);
            }
        }

        if (audio is not null)
        {
            var extracted = Path.Combine(work, safe + "-audio.opus");
            await RunAsync(settings.JanusPpRecPath, [audio, extracted], cancellationToken);
            if (File.Exists(extracted) && new FileInfo(extracted).Length > 0)
            {
                inputs.Add(extracted);
            }
        }

        if (inputs.Count == 0)
        {
            return null;
        }

        var output = Path.Combine(work, safe + ".webm");
        List<string> args = ["-hide_banner", "-loglevel", "error", "-y"];
        foreach (var input in inputs)
        {
            args.AddRange(["-i", input]);
        }

        args.AddRange(["-map", "0"]);
        if (inputs.Count > 1)
        {
            args.AddRange(["-map", "1"]);
        }

        args.AddRange(["-c", "copy", "-f", "webm", output]);
        await RunAsync(settings.FfmpegPath, args, cancellationToken);
        return output;
    }

    private async Task<double> DurationAsync(string file, CancellationToken cancellationToken)
    {
        var text = await RunAsync(options.Value.FfprobePath, ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", file], cancellationToken);
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
    }

    /// <summary>
    /// Who and when, from Janus's names (<c>videoroom-ROOM-user-FEED-TIMESTAMP</c>, the timestamp in microseconds): the
    /// feed id, never a name; when the name does not say, the file's time.
    /// </summary>
    private static (string Participant, DateTimeOffset RecordedAt) Describe(string stem, string anyFile)
    {
        var match = JanusName().Match(JanusFile().Match(Path.GetFileNameWithoutExtension(anyFile)) is { Success: true } file ? file.Groups["stem"].Value : stem);
        var participant = match.Success ? match.Groups["feed"].Value : stem.Length > 64 ? stem[..64] : stem;
        var recordedAt = match.Success && long.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, out var micros)
            ? DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000)
            : new DateTimeOffset(File.GetLastWriteTimeUtc(anyFile), TimeSpan.Zero);
        return (participant, recordedAt);
    }

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var message = await error;
            throw new InvalidOperationException($"{Path.GetFileName(tool)} exited with {process.ExitCode}: {(message.Length > 300 ? message[..300] : message)}");
        }

        return await output;
    }

    [GeneratedRegex("-(audio|video|data)(-[0-9]+)?$")]
    private static partial Regex MediumSuffix();

    [GeneratedRegex("^(?<stem>(?<publisher>.*-user-[0-9]+)-[0-9]+)-(?<medium>audio|video|data)(-[0-9]+)?$")]
    private static partial Regex JanusFile();

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex SafeStem();

    [GeneratedRegex("user-(?<feed>[0-9]+)-(?<time>[0-9]+)$")]
    private static partial Regex JanusName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Recordings of visit {VisitId}: {Count} playable file(s) stored encrypted")]
    private static partial void LogProcessed(ILogger logger, Guid visitId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post-processing the recordings of visit {VisitId} failed; it will be tried again")]
    private static partial void LogVisitFailed(ILogger logger, Exception exception, Guid visitId);

}
