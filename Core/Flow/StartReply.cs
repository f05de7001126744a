using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Flow;

/// <summary>The end of the deploy path once an execution exists: the break-glass tag, the start reply (once per
/// event, however many deliveries reach here), the tags later readers wait for, and the execution on the lock.</summary>
internal sealed class StartReply(ISsm ssm, DeployLock deployLock, ExecutionLinks links, ILogger logger)
{
    /// <summary>Answers the requester with the start of <paramref name="executionId"/>, unless a delivery of this event
    /// already did (its status tag is set), and records the execution on the lock.</summary>
    public async Task AnnounceAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, LockHolder holder, string executionId, string? breakGlass, CancellationToken ct)
    {
        var version = release.Version;
        if (breakGlass is not null)
        {
            // A tag, so every instance (and a restarted one) counts the extra approval. Not among the start's tags (SSM
            // takes at most five there), but before the start reply, which the execution's events (and so its prompt)
            // wait for; a redelivery of a request that died in between tags it here again.
            await ssm.AddTagsAsync(executionId, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ExecutionTags.BreakGlass] = TagText.Of(breakGlass) is { Length: > 0 } reason ? reason : "break-glass",
            }, ct);
        }

        // SSM answers a reused ClientToken with the original execution: if its start reply exists, this is a redelivery.
        var mention = reply.Mention;
        if ((await ssm.ListTagsAsync(executionId, ct)).ContainsKey(ExecutionTags.StatusTs))
        {
            await deployLock.RecordExecutionAsync(holder, executionId, ct);
            DeployFlowLog.AlreadyStarted(logger, mention.EventId, executionId);
            return;
        }

        DeployFlowLog.Started(logger, service.Name, version, reply.User, executionId);
        await reply.AuditAsync("started", ct, service.Name, version, executionId, breakGlass is null ? null : $"break-glass: {breakGlass}");
        var ts = await reply.ThreadAsync(DeployMessages.Started(service, version, reply.User, executionId, links.Execution(executionId), breakGlass, release), ct);
        // SSM takes five tags at start; what the release changes goes on with the status ts, which later readers wait for.
        var later = new Dictionary<string, string>(release.Tags(), StringComparer.Ordinal) { [ExecutionTags.StatusTs] = ts };
        await ssm.AddTagsAsync(executionId, later, ct);

        // After the reply, which the execution's first events wait for; until then the lock reads "starting", and a
        // holder that died here is found by its event tag.
        await deployLock.RecordExecutionAsync(holder, executionId, ct);
    }
}
