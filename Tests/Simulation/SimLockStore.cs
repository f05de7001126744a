using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>One instance's lock-table client: the conditional writes of DynamoDbLockStore, each one step.</summary>
internal sealed class SimLockStore(SimScheduler scheduler, SimCloud cloud, SimInstance owner) : ILockStore
{
    public Task<bool> TryAcquireAsync(LockHolder holder, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"lock.Acquire({Who(holder)})", () => cloud.TryAcquire(holder));

    public Task<bool> TryTakeOverAsync(LockHolder previous, LockHolder next, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"lock.TakeOver({Who(previous)} -> {Who(next)})",
            () => cloud.TryReplace(next.Service, current => current.Token == previous.Token, _ => next));

    public Task<bool> TryRecordExecutionAsync(LockHolder holder, string executionId, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"lock.Record({Who(holder)}, {executionId})",
            () => cloud.TryReplace(holder.Service, current => current.Token == holder.Token, current => current with { ExecutionId = executionId }));

    public Task<bool> TryReleaseAsync(string service, string token, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"lock.Release(token {token[..6]})", () => cloud.TryReplace(service, current => current.Token == token, _ => null));

    public Task<bool> TryReleaseExecutionAsync(string service, string executionId, CancellationToken cancellationToken) =>
        scheduler.Call(owner, $"lock.ReleaseExecution({executionId})", () => cloud.TryReplace(service, current => current.ExecutionId == executionId, _ => null));

    public Task<LockHolder?> GetAsync(string service, CancellationToken cancellationToken) =>
        scheduler.Call(owner, "lock.Get", () => cloud.Lock(service) is { } h ? h : null);

    internal static string Who(LockHolder holder) => $"{holder.EventId} token {holder.Token[..6]}{(holder.ExecutionId is { } id ? " " + id : "")}";
}
