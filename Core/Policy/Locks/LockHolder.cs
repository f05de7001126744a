namespace SocketDeployer.Core.Policy.Locks;

/// <summary>
/// Who holds a service's lock: a release (event, then its execution id once started) or a person's manual lock.
/// <see cref="Token"/> is unique per acquisition: every conditional write names it, so a takeover or a release
/// only ever replaces the very holder it read.
/// </summary>
/// <param name="IsManual">A manual lock (<c>lock &lt;service&gt; &lt;reason&gt;</c>): no release behind it, only <c>unlock</c> ends it.
/// Its <see cref="EventId"/> is the Slack event that asked for it, so a redelivery is recognised.</param>
public sealed record LockHolder(
    string Service,
    string Token,
    string Requester,
    DateTimeOffset Since,
    string? Version = null,
    string? EventId = null,
    string? ExecutionId = null,
    string? Reason = null,
    string? Thread = null,
    bool IsManual = false);
