using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>A deploy request refused with an answer in its thread: logged, audited, answered.</summary>
internal static class DeployRefusal
{
    public static async Task InThreadAsync(ILogger logger, ReplyContext reply, string reason, SlackMessage message, CancellationToken ct, ServiceDefinition? service = null, string? executionId = null)
    {
        DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, reason);
        await reply.AuditAsync("refused", ct, service?.Name, executionId: executionId, reason: reason);
        await reply.ThreadAsync(message, ct);
    }
}
