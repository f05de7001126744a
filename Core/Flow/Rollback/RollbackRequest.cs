using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Rollback;

/// <summary>
/// <c>rollback &lt;service&gt; [&lt;version&gt;]</c>: picks the version from the history in SSM (the previous successful
/// one, or the one given, which must have succeeded here), then releases it through <see cref="DeployRequest"/>: the same
/// permission, lock, approvals and start as any deploy, marked as a rollback.
/// </summary>
public sealed class RollbackRequest(
    ServiceCatalog catalog,
    ReleaseHistory history,
    DeployRequest deploy,
    ILogger<RollbackRequest> logger)
{
    /// <summary>How many versions a "never succeeded" refusal lists.</summary>
    public const int MaxListed = 5;

    public async Task HandleAsync(ReplyContext reply, RollbackCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        if (!catalog.ByName.TryGetValue(command.Service, out var service))
        {
            await RefuseAsync(reply, "unknown service", DeployMessages.UnknownService(command.Service, [.. catalog.ByName.Keys], usage), ct);
            return;
        }

        IReadOnlyList<ReleaseRecord> successes;
        try
        {
            successes = await history.SuccessesAsync(service, found => Enough(found, command.Version), ct);
        }
        catch (AwsException e)
        {
            StatusFlowLog.Failed(logger, e, reply.Command, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, command.Version, reason: e.Code);
            await reply.ThreadAsync(StatusMessages.Unavailable(e.Code.Length > 0 ? e.Code : e.Message), ct);
            return;
        }

        if (Target(service, command.Version, successes) is { } refusal)
        {
            await RefuseAsync(reply, refusal.Reason, refusal.Message, ct, service, command.Version);
            return;
        }

        var target = command.Version ?? successes.First(r => r.Version != successes[0].Version).Version;
        await deploy.HandleAsync(reply, new DeployCommand(service.Name, target, command.BreakGlass) { IsRollback = true }, usage, ct);
    }

    // The live version and, without a version, one earlier; with one, until it turns up.
    private static bool Enough(IReadOnlyList<ReleaseRecord> found, string? version) =>
        version is null ? found.Any(r => r.Version != found[0].Version) : found[^1].Version == version;

    /// <summary>Why the rollback cannot go ahead, or null.</summary>
    private static (string Reason, SlackMessage Message)? Target(ServiceDefinition service, string? version, IReadOnlyList<ReleaseRecord> successes)
    {
        if (successes.Count == 0)
            return ("nothing to roll back to", RollbackMessages.NothingLive(service));
        var live = successes[0].Version;
        if (version is null)
            return successes.Any(r => r.Version != live) ? null : ("nothing to roll back to", RollbackMessages.NoEarlier(service, live));
        if (version == live)
            return ("already live", RollbackMessages.AlreadyLive(service, version));
        if (successes.All(r => r.Version != version))
        {
            var earlier = successes.Select(r => r.Version).Where(v => v != live).Distinct(StringComparer.Ordinal).Take(MaxListed).ToList();
            return ("version never succeeded", RollbackMessages.NeverSucceeded(service, version, earlier));
        }

        return null;
    }

    private async Task RefuseAsync(ReplyContext reply, string reason, SlackMessage message, CancellationToken ct, ServiceDefinition? service = null, string? version = null)
    {
        DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, reason);
        await reply.AuditAsync("refused", ct, service?.Name, version, reason: reason);
        await reply.ThreadAsync(message, ct);
    }
}
