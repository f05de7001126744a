using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Core.Flow;

/// <summary>The deploy path: catalog → version → deployer → freezes → what changes; then <see cref="DeployStarter"/>
/// takes the lock (conditional write) and starts (idempotent). A failed start gives the lock back; the execution's end
/// releases it.</summary>
public sealed partial class DeployRequest(
    ServiceCatalog catalog,
    DeployPolicy policy,
    FreezeCalendar freezes,
    ChangeReader changes,
    DeployStarter starter,
    ILogger<DeployRequest> logger)
{
    public async Task HandleAsync(ReplyContext reply, DeployCommand command, string usage, CancellationToken ct)
    {
        if (!catalog.ByName.TryGetValue(command.Service, out var service))
        {
            await DeployRefusal.InThreadAsync(logger, reply, "unknown service", DeployMessages.UnknownService(
                command.Service, [.. catalog.ByName.Keys], usage), ct);
            return;
        }

        if (!VersionCheck.IsMatch(service, command.Version))
        {
            await DeployRefusal.InThreadAsync(logger, reply, "version format", DeployMessages.VersionMismatch(service, command.Version, usage), ct, service);
            return;
        }

        var mayDeploy = await policy.MayDeployAsync(service, reply.User, ct);
        if (!mayDeploy.Allowed)
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "not a deployer");
            await reply.AuditAsync("refused", ct, service.Name, command.Version, reason: "not a deployer");
            await reply.EphemeralAsync(DeployMessages.Refused(mayDeploy.Reason!), ct);
            return;
        }

        var freeze = FreezeDecision.Of(freezes, service.Name, command.BreakGlass, catalog.BreakGlassApprovers.Count > 0);
        if (freeze.Refusal is { } frozen)
        {
            await DeployRefusal.InThreadAsync(logger, reply, freeze.Why!, frozen, ct, service);
            return;
        }

        if (command.BreakGlass is not null && freeze.BreakGlass is null)
        {
            DeployFlowLog.BreakGlassIgnored(logger, service.Name, reply.User);
        }

        if (await CheckChangesAsync(reply, service, command, ct) is not { } release)
        {
            return;
        }

        await starter.LockAndStartAsync(reply, service, release, freeze.BreakGlass, ct);
    }
}
