using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Status;

namespace SocketDeployer.Core.Flow.History;

/// <summary><c>history &lt;service&gt; [N]</c>: the service's last N releases, read from SSM at each request.</summary>
public sealed class HistoryRequest(
    ServiceCatalog catalog,
    ReleaseHistory history,
    ExecutionLinks links,
    TimeProvider time,
    ILogger<HistoryRequest> logger)
{
    public async Task HandleAsync(ReplyContext reply, HistoryCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        if (!catalog.ByName.TryGetValue(command.Service, out var service))
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "unknown service");
            await reply.AuditAsync("refused", ct, reason: "unknown service");
            await reply.ThreadAsync(DeployMessages.UnknownService(command.Service, [.. catalog.ByName.Keys], usage), ct);
            return;
        }

        IReadOnlyList<ReleaseRecord> records;
        try
        {
            records = await history.RecentAsync(service, command.Count, ct);
        }
        catch (AwsException e)
        {
            StatusFlowLog.Failed(logger, e, reply.Command, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, reason: e.Code);
            await reply.ThreadAsync(StatusMessages.Unavailable(e.Code.Length > 0 ? e.Code : e.Message), ct);
            return;
        }

        await reply.AuditAsync("answered", ct, service.Name, reason: records.Count == 0 ? "no history" : null);
        StatusFlowLog.Answered(logger, reply.Command, reply.User);
        await reply.ThreadAsync(HistoryMessages.List(service, records, links.Execution, time.GetUtcNow()), ct);
    }
}
