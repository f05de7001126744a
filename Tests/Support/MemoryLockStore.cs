using System.Collections.Concurrent;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Support;

/// <summary>Service locks in memory with the store's compare-and-set semantics, for rigs that need no Sandbox.</summary>
internal sealed class MemoryLockStore : ILockStore
{
    private readonly ConcurrentDictionary<string, LockHolder> items = new(StringComparer.Ordinal);

    public Task<bool> TryAcquireAsync(LockHolder holder, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryAdd(holder.Service, holder));

    public Task<bool> TryTakeOverAsync(LockHolder previous, LockHolder next, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryGetValue(previous.Service, out var current) && current.Token == previous.Token && items.TryUpdate(previous.Service, next, current));

    public Task<bool> TryRecordExecutionAsync(LockHolder holder, string executionId, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryGetValue(holder.Service, out var current) && current.Token == holder.Token
            && items.TryUpdate(holder.Service, current with { ExecutionId = executionId }, current));

    public Task<bool> TryReleaseAsync(string service, string token, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryGetValue(service, out var current) && current.Token == token && items.TryRemove(new(service, current)));

    public Task<bool> TryReleaseExecutionAsync(string service, string executionId, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryGetValue(service, out var current) && current.ExecutionId == executionId && items.TryRemove(new(service, current)));

    public Task<LockHolder?> GetAsync(string service, CancellationToken cancellationToken) =>
        Task.FromResult(items.GetValueOrDefault(service));
}
