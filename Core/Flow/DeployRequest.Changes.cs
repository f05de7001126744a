using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;

namespace SocketDeployer.Core.Flow;

/// <content>What the release changes (live version, comparison, promotion), read before the lock is taken.</content>
public sealed partial class DeployRequest
{
    /// <summary>The changes the release will carry, or null when the request was answered here (promotion not met, or
    /// the history could not be read: a version whose promotion cannot be checked is not released).</summary>
    private async Task<ReleaseChanges?> CheckChangesAsync(ReplyContext reply, ServiceDefinition service, DeployCommand command, CancellationToken ct)
    {
        ChangeCheck check;
        try
        {
            check = await changes.CheckAsync(service, command.Version, command.IsRollback, ct);
        }
        catch (AwsException e)
        {
            DeployFlowLog.StartFailed(logger, e, service.Name, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, command.Version, reason: e.Code);
            await reply.ThreadAsync(DeployMessages.StartFailed(service, $"the release history could not be read ({e.Code}: {e.AwsMessage})"), ct);
            return null;
        }

        if (check.Gap is { } gap)
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "promotion not met");
            await reply.AuditAsync("refused", ct, service.Name, command.Version, reason: "promotion not met");
            await reply.ThreadAsync(DeployMessages.Plain(ChangeMessages.NotPromoted(service, command.Version, gap)), ct);
            return null;
        }

        return check.Changes;
    }
}
