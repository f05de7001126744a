namespace SocketDeployer.Core.Policy.Locks;

/// <summary>
/// Who holds a service's lock: a release (event, then its execution id once started) or a person's manual lock.
/// <see cref="Token"/> is unique per acquisition: every conditional write names it, so a takeover or a release
/// only ever replaces the very holder it read.
/// </summary>
public sealed record LockHolder(
    string Service,
    string Token,
    string Requester,
    DateTimeOffset Since,
    string? Version = null,
    string? EventId = null,
    string? ExecutionId = null,
    string? Reason = null,
    string? Thread = null)
{
    /// <summary>A manual lock (<c>lock &lt;service&gt; &lt;reason&gt;</c>) has no release behind it.</summary>
    public bool IsManual => EventId is null;
}
