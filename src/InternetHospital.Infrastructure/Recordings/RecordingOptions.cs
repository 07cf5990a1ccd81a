using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Recordings;

/// <summary>
/// The recording settings of section <c>Video</c>: how long recordings are kept (<c>Video:RecordingRetention</c>), where
/// Janus writes its raw recordings (<c>Video:Janus:RecordingDirectory</c>, its <c>rec_dir</c>, readable by the API too)
/// and the tools that make them playable (Debian <c>janus-tools</c> and <c>ffmpeg</c>).
/// </summary>
public sealed class RecordingOptions
{
    /// <summary>Three years (with a leap day): the law's minimum for audio and video process records (domain rule 12).</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(1096);

    /// <summary>How long a recording is kept after it was made; at least three years outside Development.</summary>
    public TimeSpan RecordingRetention { get; set; } = MinimumRetention;

    /// <summary>How often the post-processing job looks for finished visits with raw recordings.</summary>
    public TimeSpan RecordingProcessingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a visit ends before its raw files are processed (Janus closes them when the room goes).</summary>
    public TimeSpan RecordingSettleTime { get; set; } = TimeSpan.FromSeconds(10);

    public string JanusPpRecPath { get; set; } = "janus-pp-rec";
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";

    public JanusRecordingOptions Janus { get; set; } = new();
}

public sealed class JanusRecordingOptions
{
    /// <summary>Janus's <c>rec_dir</c> root: each visit's raw recordings go to <c>&lt;root&gt;/&lt;visit id&gt;/</c>.</summary>
    public string? RecordingDirectory { get; set; }
}

/// <summary>Refuses to start with a retention below the law's minimum, except in Development (where tests shorten it).</summary>
internal sealed class RecordingOptionsValidator(bool developmentLike) : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
    {
        if (options.RecordingRetention <= TimeSpan.Zero || (!developmentLike && options.RecordingRetention < RecordingOptions.MinimumRetention))
        {
            return ValidateOptionsResult.Fail("Video:RecordingRetention must be at least 1096.00:00:00 (three years, domain rule 12: audio and video of visits are kept at least 3 years).");
        }

        if (options.RecordingProcessingInterval <= TimeSpan.Zero || options.RecordingSettleTime < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Video:RecordingProcessingInterval must be positive and Video:RecordingSettleTime not negative.");
        }

        return ValidateOptionsResult.Success;
    }
}
