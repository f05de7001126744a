namespace SocketDeployer.Core.Flow.Approval;

/// <summary>Which instance posts the prompt of a waiting approval step, decided by a conditional write in the store every
/// instance shares: two daemons on one queue, each handed one of the step's events, still post one prompt.</summary>
/// <remarks>The prompt tag on the execution records the prompt once posted, but a tag cannot be written on a condition;
/// reading it and then posting left a window in which both daemons posted.</remarks>
public interface IPromptClaims
{
    /// <summary>Claims posting the prompt of step execution <paramref name="stepKey"/> for <paramref name="owner"/> unless
    /// someone claimed it before; returns the claim the store now holds (the caller's, or the earlier one).</summary>
    Task<PromptClaim?> ClaimAsync(string executionId, string stepKey, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces a stale claim (its owner died before the prompt was out) when it is still that claim; false otherwise.</summary>
    Task<bool> TryTakeOverAsync(PromptClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>One instance's claim on posting a prompt.</summary>
public sealed record PromptClaim(string ExecutionId, string StepKey, string Owner, DateTimeOffset Since);
