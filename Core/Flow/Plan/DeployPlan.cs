using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Flow.Plan;

/// <summary>Everything <c>plan deploy</c> found: what the deploy would start, and each check it would meet or fail.</summary>
/// <param name="Parameters">The document parameters, filled exactly as the deploy would fill them.</param>
/// <param name="Gap">The promotion rule's verdict: null when met (or the service has none).</param>
/// <param name="Holder">Who holds the service's lock now; null when it is free.</param>
/// <param name="Running">An execution of the document running now (also outside Slack); null when none.</param>
/// <param name="Names">User or group id → display name (approvers, lock holder), so the plan names people without pinging them.</param>
public sealed record DeployPlan(
    ServiceDefinition Service,
    string Version,
    string User,
    PolicyDecision MayDeploy,
    ReleaseChanges Changes,
    PromotionGap? Gap,
    LockHolder? Holder,
    RunningRelease? Running,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters,
    IReadOnlyDictionary<string, string> Names)
{
    /// <summary>Further holds on the release, one mrkdwn line each (a freeze in force); any one stops it.</summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>The freezes in force and the next one, as the help shows them; empty when none is configured.</summary>
    public string Freezes { get; init; } = "";

    /// <summary>The break-glass reason when the deploy would break a freeze (one approval more); null otherwise.</summary>
    public string? BreakGlass { get; init; }

    /// <summary>Whether the deploy would start now (approvals are asked for after the start).</summary>
    public bool WouldStart => MayDeploy.Allowed && Gap is null && Holder is null && Running is null && Holds.Count == 0;
}
