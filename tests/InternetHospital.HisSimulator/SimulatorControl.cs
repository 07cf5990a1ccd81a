namespace InternetHospital.HisSimulator;

/// <summary>How the simulated HIS behaves right now. Tests set it directly; a developer uses POST /_control.</summary>
public sealed class SimulatorControl
{
    private readonly object gate = new();
    private TaskCompletionSource? held;

    /// <summary>Down: FHIR answers 503 and MLLP connections are reset as soon as they are accepted.</summary>
    public bool Down { get; set; }

    /// <summary>Drop: the request is read, not processed, and the connection is closed without an answer.</summary>
    public bool DropConnections { get; set; }

    /// <summary>Slow: the request is processed, then the answer waits this long.</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>AA accepts; AE (application error) or AR (reject) refuse with <see cref="AckText"/>; FHIR writes answer 422 / 400.</summary>
    public string AckCode { get; set; } = "AA";

    public string AckText { get; set; } = "Simulated refusal";

    public bool Accepting => AckCode == "AA";

    /// <summary>Processed requests wait for their answer until <see cref="ReleaseReplies"/> (a deterministic "slow").</summary>
    public void HoldReplies()
    {
        lock (gate)
        {
            held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseReplies()
    {
        lock (gate)
        {
            held?.TrySetResult();
            held = null;
        }
    }

    public void Reset()
    {
        Down = false;
        DropConnections = false;
        ReplyDelay = TimeSpan.Zero;
        AckCode = "AA";
        AckText = "Simulated refusal";
        ReleaseReplies();
    }

    /// <summary>What a processed request waits for before it is answered.</summary>
    public async Task BeforeReplyAsync(CancellationToken cancellationToken)
    {
        Task? wait;
        lock (gate)
        {
            wait = held?.Task;
        }

        if (wait is not null)
        {
            await wait.WaitAsync(cancellationToken);
        }

        if (ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReplyDelay, cancellationToken);
        }
    }

    public ControlState State => new(Down, DropConnections, (int)ReplyDelay.TotalMilliseconds, AckCode, AckText);

    public void Apply(ControlState state)
    {
        Down = state.Down;
        DropConnections = state.DropConnections;
        ReplyDelay = TimeSpan.FromMilliseconds(Math.Max(0, state.ReplyDelayMs));
        AckCode = state.AckCode is "AE" or "AR" ? state.AckCode : "AA";
        AckText = string.IsNullOrWhiteSpace(state.AckText) ? "Simulated refusal" : state.AckText;
    }
}

public sealed record ControlState(bool Down, bool DropConnections, int ReplyDelayMs, string AckCode, string AckText);
