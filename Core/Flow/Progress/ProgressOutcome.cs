namespace SocketDeployer.Core.Flow.Progress;

/// <summary>What became of one automation event.</summary>
public enum ProgressOutcome
{
    /// <summary>Applied to its release's thread (or nothing was left to say).</summary>
    Applied,

    /// <summary>The execution was not started from Slack.</summary>
    NotOurs,

    /// <summary>Too early (the start reply is not recorded yet): deliver it again shortly.</summary>
    NotYet,
}
