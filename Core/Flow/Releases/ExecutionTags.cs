namespace SocketDeployer.Core.Flow.Releases;

/// <summary>The tag keys that tie an execution to its Slack thread (design.md "AWS messages").</summary>
public static class ExecutionTags
{
    public const string Thread = "socketdeployer:thread";
    public const string Requester = "socketdeployer:requester";
    public const string Service = "socketdeployer:service";
    public const string Version = "socketdeployer:version";

    /// <summary>On an execution started outside Slack whose named requester could not be resolved: who and why
    /// (<c>alice@example.com could not be resolved: no Slack user has this email</c>), for the approval prompt.</summary>
    public const string Unresolved = "socketdeployer:unresolved";

    /// <summary>The Slack event that started it: a redelivered event finds its own execution, not a lock.</summary>
    public const string Event = "socketdeployer:event";

    /// <summary>Set on a release started with <c>--break-glass</c> during a freeze: the reason (tag-safe). Every
    /// instance reads it to count one approval more, from a break-glass approver.</summary>
    public const string BreakGlass = "socketdeployer:break-glass";

    /// <summary>Set when an execution started outside Slack is adopted: <c>gate</c> or <c>deploy</c>. Locks and freezes
    /// apply to it at its approval step (Deploy:Gate:WhenLockedOrFrozen), since nothing refused it at its start.</summary>
    public const string Outside = "socketdeployer:outside";

    /// <summary>Why the daemon itself rejected the approval step (a locked or frozen service), tag-safe: what the
    /// pipeline's <c>gate</c> prints.</summary>
    public const string Refused = "socketdeployer:refused";

    /// <summary>Added after the start reply is posted: the ts of the release's status message.</summary>
    public const string StatusTs = "socketdeployer:status";

    /// <summary>The open approval prompt: <c>&lt;step execution id&gt;@&lt;message ts&gt;</c>.</summary>
    public const string Prompt = "socketdeployer:prompt";

    /// <summary>Approvals collected for the open prompt so far: comma-separated user IDs.</summary>
    public const string Approvals = "socketdeployer:approvals";

    /// <summary>The Slack decision on the open prompt: <c>approved|rejected:&lt;user ids&gt;:&lt;unix seconds&gt;</c>.</summary>
    public const string Decision = "socketdeployer:decision";

    /// <summary>Who made the Slack decision, as names a pipeline can print: <c>bob (U0BOB)</c> (see <see cref="TagText"/>).</summary>
    public const string DecidedBy = "socketdeployer:decided-by";

    /// <summary>The failed or timed-out steps whose line is in the thread (short hashes of their names, see
    /// ReportedSteps), so whoever posts the result knows which lines are still owed. Steps that succeeded have no
    /// line (the status message shows them, from SSM's record) and are not listed.</summary>
    public const string Steps = "socketdeployer:steps";

    /// <summary>Set once the final result was posted, so a redelivered terminal event posts nothing.</summary>
    public const string Result = "socketdeployer:result";
}
