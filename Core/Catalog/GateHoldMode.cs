namespace SocketDeployer.Core.Catalog;

/// <summary><c>Deploy:Gate:WhenLockedOrFrozen</c>: what a gate (or another execution started outside Slack) of a
/// locked or frozen service meets at its approval step.</summary>
public enum GateHoldMode
{
    /// <summary>The prompt says why and the daemon rejects the approval step with that reason, so the pipeline's
    /// <c>gate</c> exits 1 and prints it. The default: a pipeline should not sit waiting on a freeze.</summary>
    Refuse,

    /// <summary>The prompt says the approval waits; Approve is refused until the lock or freeze ends, Reject works at once.</summary>
    Wait,
}
