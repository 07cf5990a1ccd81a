using System.Diagnostics;
using InternetHospital.Application.VideoVisits.Recording;
using InternetHospital.Domain.VideoVisits;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.VideoVisits;

/// <summary>
/// Real playable media for recording tests that are not about Janus itself (playback, retention): a WebM made by ffmpeg
/// (VP8 test pattern and an Opus tone, what post-processing produces), stored through the API's own encrypted vault.
/// </summary>
public static class RecordingMedia
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static byte[]? webm;

    /// <summary>A few seconds of VP8 + Opus, a little over two vault chunks (so ranges cross chunk borders).</summary>
    public static async Task<byte[]> WebmAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (webm is not null)
            {
                return webm;
            }

            var file = Path.Combine(Path.GetTempPath(), $"ih-test-recording-{Guid.NewGuid():N}.webm");
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[]
            {
                "-hide_banner", "-loglevel", "error", "-y",
                // Note: noise over the test pattern, encoded at high quality, so three seconds span three 1 MiB chunks.
                "-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=15,noise=alls=100:allf=t+u",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-c:v", "libvpx", "-b:v", "8M", "-qmin", "0", "-qmax", "10", "-deadline", "realtime", "-cpu-used", "8",
                "-c:a", "libopus", "-f", "webm", file,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "ffmpeg (apt install ffmpeg) could not make the test recording: " + error);
            webm = await File.ReadAllBytesAsync(file);
            File.Delete(file);
            Assert.True(webm.Length > VisitRecording.ChunkSize * 2, $"the test recording is {webm.Length} bytes; it should span three vault chunks");
            return webm;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>Stores the test WebM as a recording of the visit, recorded at <paramref name="recordedAt"/>.</summary>
    public static async Task<Guid> StoreAsync(IServiceProvider services, Guid visitId, Guid patientId, DateTimeOffset recordedAt)
    {
        var bytes = await WebmAsync();
        await using var scope = services.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<IRecordingVault>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var content = new MemoryStream(bytes);
        var stored = await vault.StoreAsync(new NewRecording(visitId, patientId, VisitRole.Patient, null, "1", recordedAt, 3, "video/webm"), content, CancellationToken.None);
        await db.SaveChangesAsync();
        return stored.Id;
    }
}
