namespace SocketDeployer.Core.Flow.Progress;

/// <summary>What this instance has seen and said of one execution; only touched under the execution's lock.</summary>
public sealed class ReleaseState(string executionId)
{
    private string status = "Pending";
    private string? currentStep;

    public string ExecutionId { get; } = executionId;

    public string Status { get => status; set => status = StepText.Intern(value); }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public string? CurrentStep { get => currentStep; set => currentStep = StepText.InternOrNull(value); }

    public int StepCount { get; set; }

    // Created on first use: most releases this instance follows never need all of them, and ten thousand tracked
    // executions must stay within a few hundred bytes each.
    // Lists, not sets: a release has a handful of steps, and an empty HashSet alone costs more than a list of them.
    private List<string>? finishedSteps;
    private List<string>? promptedSteps;
    private HashSet<int>? postedLogLines;
    private List<StepView>? steps;

    /// <summary>The steps the status message shows, in the order they were first seen (SSM's order once the release ended).</summary>
    public IReadOnlyList<StepView> Steps => (IReadOnlyList<StepView>?)steps ?? [];

    /// <summary>Records what a step's line in the status message shows; false when that changes nothing. An ended
    /// step is never shown as running again (an older event that arrives late), and its duration, once known, is
    /// changed only by SSM's record (<paramref name="recorded"/>).</summary>
    /// <remarks>An event's times are whole seconds, the record's are not: a late copy of an end would otherwise turn
    /// "0s" into "1s" after the result and edit a finished thread once more.</remarks>
    public bool ShowStep(StepView view, bool recorded = false)
    {
        steps ??= [];
        var at = steps.FindIndex(s => s.Name == view.Name);
        if (at < 0)
        {
            steps.Add(view);
            return true;
        }

        var shown = steps[at];
        var sameEnd = shown.Ended && shown.Status == view.Status;
        var addsNothing = view.Duration is null || (shown.Duration is not null && !recorded);
        if (shown == view || (shown.Ended && !view.Ended) || (sameEnd && addsNothing))
        {
            return false;
        }

        steps[at] = view with { Duration = view.Duration ?? shown.Duration };
        return true;
    }

    /// <summary>Puts the steps in <paramref name="names"/>' order (SSM's record of the execution); steps it does
    /// not name keep their place after them.</summary>
    public void OrderSteps(IReadOnlyList<string> names)
    {
        if (steps is null)
        {
            return;
        }

        var rank = names.Select((name, i) => (name, i)).DistinctBy(x => x.name, StringComparer.Ordinal).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var ordered = steps.Select((s, i) => (s, Key: rank.TryGetValue(s.Name, out var r) ? r : names.Count + i)).OrderBy(x => x.Key).Select(x => x.s).ToList();
        steps = ordered;
    }

    /// <summary>Records that a step's end was handled (its failure line, if one was due, is in the thread); false
    /// when it already was (a redelivered event).</summary>
    public bool MarkFinished(string step) => Add(ref finishedSteps, StepText.Intern(step));

    public bool HasFinished(string step) => finishedSteps?.Contains(step) == true;

    /// <summary>The value of the execution's steps tag as this instance last read or wrote it.</summary>
    public string? ReportedStepsTag { get; set; }

    /// <summary>Records that a step execution has its prompt; false when it already had one.</summary>
    public bool MarkPrompted(string stepExecution) => Add(ref promptedSteps, stepExecution);

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

    private static bool Add(ref List<string>? list, string item)
    {
        list ??= new(2);
        if (list.Contains(item, StringComparer.Ordinal))
        {
            return false;
        }

        list.Add(item);
        return true;
    }
}
