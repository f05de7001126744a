namespace SocketDeployer.Core.Policy.Locks;

/// <summary>
/// The shared store of service locks, one item per service; every write is a compare-and-set, so two instances
/// (or two connections of one) can never both believe they hold a service.
/// </summary>
public interface ILockStore
{
    /// <summary>Takes the free lock; returns false when someone holds it.</summary>
    Task<bool> TryAcquireAsync(LockHolder holder, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="previous"/> with <paramref name="next"/> when the item still is that holder; false otherwise.</summary>
    Task<bool> TryTakeOverAsync(LockHolder previous, LockHolder next, CancellationToken cancellationToken);

    /// <summary>Records the execution a holder started; false when the holder was replaced meanwhile.</summary>
    Task<bool> TryRecordExecutionAsync(LockHolder holder, string executionId, CancellationToken cancellationToken);

    /// <summary>Removes the lock when it still is this holder's (by token); false when it is not.</summary>
    Task<bool> TryReleaseAsync(string service, string token, CancellationToken cancellationToken);

    /// <summary>Removes the lock when the release holding it is this execution; false when it is not.</summary>
    Task<bool> TryReleaseExecutionAsync(string service, string executionId, CancellationToken cancellationToken);

    /// <summary>The current holder (a strongly consistent read), or null when the service is free.</summary>
    Task<LockHolder?> GetAsync(string service, CancellationToken cancellationToken);
}
