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

    // Created on first use: most releases this instance follows never need all of them, and ten thousand tracked
    // executions must stay within a few hundred bytes each.
    private HashSet<string>? finishedSteps;
    private HashSet<string>? promptedSteps;
    private HashSet<int>? postedLogLines;

    /// <summary>Records that a step's end was reported in the thread; false when it already was (a redelivered event).</summary>
    public bool MarkFinished(string step) => (finishedSteps ??= new(StringComparer.Ordinal)).Add(step);

    public bool HasFinished(string step) => finishedSteps?.Contains(step) == true;

    /// <summary>The value of the execution's steps tag as this instance last read or wrote it.</summary>
    public string? ReportedStepsTag { get; set; }

    /// <summary>Records that a step execution has its prompt; false when it already had one.</summary>
    public bool MarkPrompted(string stepExecution) => (promptedSteps ??= new(StringComparer.Ordinal)).Add(stepExecution);

    public bool HasPrompted(string stepExecution) => promptedSteps?.Contains(stepExecution) == true;

    /// <summary>Records a log line (by content hash); false when it was already posted.</summary>
    public bool MarkLogLine(int hash) => (postedLogLines ??= []).Add(hash);

    public bool HasLogLine(int hash) => postedLogLines?.Contains(hash) == true;

    /// <summary>The result is in the thread: nothing is posted after it, so it stays the thread's last message.</summary>
    public bool ResultPosted { get; set; }

    /// <summary>The release ended because an approval step was rejected (SSM reports that as Failed).</summary>
    public bool Rejected { get; set; }

    /// <summary>Whether the status message shows something older than what is known.</summary>
    public bool StatusMessageStale { get; set; }

    /// <summary>When the status message was last written (the start reply counts).</summary>
    public DateTimeOffset LastStatusEdit { get; set; }

    /// <summary>A deferred edit is already scheduled.</summary>
    public bool StatusEditScheduled { get; set; }

    /// <summary>Dropped from the store (a newer state object may follow the same execution): a deferred edit of
    /// this one must not write what may now be older news.</summary>
    public bool Retired { get; set; }
}
