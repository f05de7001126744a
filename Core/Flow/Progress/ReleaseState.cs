namespace SocketDeployer.Core.Flow.Progress;

/// <summary>What this instance has seen and said of one execution; only touched under the execution's lock.</summary>
public sealed class ReleaseState(string executionId)
{
    public string ExecutionId { get; } = executionId;

    public string Status { get; set; } = "Pending";

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public string? CurrentStep { get; set; }

    public int StepCount { get; set; }

    /// <summary>Steps whose end was reported in the thread, by name: a redelivered step event posts nothing.</summary>
    public HashSet<string> FinishedSteps { get; } = new(StringComparer.Ordinal);

    /// <summary>Step executions that already have a prompt.</summary>
    public HashSet<string> PromptedSteps { get; } = new(StringComparer.Ordinal);

    /// <summary>Log lines already posted (by content hash), for redelivered log messages.</summary>
    public HashSet<int> PostedLogLines { get; } = [];

    public bool ResultPosted { get; set; }

    /// <summary>Whether the status message shows something older than what is known.</summary>
    public bool StatusMessageStale { get; set; }

    /// <summary>When the status message was last written (the start reply counts).</summary>
    public DateTimeOffset LastStatusEdit { get; set; }

    /// <summary>A deferred edit is already scheduled.</summary>
    public bool StatusEditScheduled { get; set; }
}
