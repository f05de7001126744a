using System.Collections.Concurrent;
using SocketDeployer.Core.Flow.Approval;

namespace SocketDeployer.Tests.Support;

/// <summary>Prompt claims in memory with the store's compare-and-set semantics, for rigs that need no Sandbox.</summary>
internal sealed class MemoryPromptClaims : IPromptClaims
{
    private readonly ConcurrentDictionary<(string, string), PromptClaim> items = new();

    public Task<PromptClaim?> ClaimAsync(string executionId, string stepKey, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<PromptClaim?>(items.GetOrAdd((executionId, stepKey), new PromptClaim(executionId, stepKey, owner, now)));

    public Task<bool> TryTakeOverAsync(PromptClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(items.TryUpdate((stale.ExecutionId, stale.StepKey), stale with { Owner = owner, Since = now }, stale));
}
