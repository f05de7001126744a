namespace SocketDeployer.Core.Flow.Outside;

/// <summary>Who announces an execution started outside Slack, decided by conditional writes in a store every instance
/// shares: two daemons on one queue, or one event delivered twice, still give the execution one message in Slack.</summary>
/// <remarks>AWS has no conditional tag write, so the execution's tags cannot decide it; the lock table can.</remarks>
public interface IAnnouncementClaims
{
    /// <summary>Claims the announcement of <paramref name="executionId"/> for <paramref name="owner"/> unless someone
    /// claimed it before; returns the claim the store now holds (the caller's, or the earlier one).</summary>
    Task<AnnouncementClaim?> ClaimAsync(string executionId, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces a stale claim (its owner died mid-announcement) when it is still that claim; false otherwise.</summary>
    Task<bool> TryTakeOverAsync(AnnouncementClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the announcement's channel/ts on the owner's claim, so whoever takes it over replies in that thread
    /// instead of announcing again; false when the claim is no longer the owner's.</summary>
    Task<bool> TryRecordThreadAsync(string executionId, string owner, string thread, CancellationToken cancellationToken);
}

/// <summary>One instance's claim on announcing an execution.</summary>
/// <param name="Owner">The claiming instance's id (one per daemon process).</param>
/// <param name="Thread">The announcement as <c>channel/ts</c> once posted, else null.</param>
public sealed record AnnouncementClaim(string ExecutionId, string Owner, DateTimeOffset Since, string? Thread);
