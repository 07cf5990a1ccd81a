using System.Text;
using System.Text.Json;
using InternetHospital.Application.Audit;

namespace InternetHospital.Infrastructure.Audit;

/// <summary>
/// Checkpoints as JSON lines appended to <c>audit-checkpoints.jsonl</c> in <c>Audit:CheckpointDirectory</c>. The file only
/// ever grows; in production the directory belongs on storage the database role cannot write (another volume or host,
/// mounted append-only or with object lock), which is what makes a checkpoint an anchor.
/// </summary>
internal sealed class FileAuditCheckpoints(string directory) : IAuditCheckpoints
{
    private const string FileName = "audit-checkpoints.jsonl";
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string FilePath => Path.Combine(directory, FileName);

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(new Line(checkpoint.Sequence, checkpoint.HeadHash, checkpoint.At.UtcTicks, checkpoint.Signature)) + "\n";
        await Gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(directory);

            // Note: one write of a whole line in append mode, so instances sharing the directory never interleave within a line.
            await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditCheckpoint>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var result = new List<AuditCheckpoint>();
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            result.Add(Parse(text));
        }

        return result;
    }

    private static AuditCheckpoint Parse(string text)
    {
        try
        {
            var line = JsonSerializer.Deserialize<Line>(text);
            if (line is not null && line.Head is not null && line.Signature is not null)
            {
                return new AuditCheckpoint(line.Sequence, line.Head, new DateTimeOffset(line.AtTicks, TimeSpan.Zero), line.Signature);
            }
        }
        catch (Exception exception) when (exception is JsonException or ArgumentOutOfRangeException)
        {
            // A damaged line: reported as a checkpoint whose signature does not hold.
        }

        return new AuditCheckpoint(-1, string.Empty, DateTimeOffset.MinValue, string.Empty);
    }

    private sealed record Line(
        [property: System.Text.Json.Serialization.JsonPropertyName("sequence")] long Sequence,
        [property: System.Text.Json.Serialization.JsonPropertyName("head")] string? Head,
        [property: System.Text.Json.Serialization.JsonPropertyName("atTicks")] long AtTicks,
        [property: System.Text.Json.Serialization.JsonPropertyName("signature")] string? Signature);
}
