using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>
/// Gives an execution that was not started from Slack a thread (design.md "AWS messages"): when its document is the
/// gate or a catalogued service's, a new message in the service's channel announces it, and the execution is tagged
/// like a Slack-started release, so its events, prompt, clicks and result then follow the ordinary path.
/// </summary>
/// <remarks>Serialised per execution with the flow's own lock, so one instance announces once however many events
/// arrive together. Two instances sharing a queue could both announce: AWS offers no conditional tag write.</remarks>
public sealed class OutsideExecutions(
    ISsm ssm, ISlackApi slack, ServiceCatalog catalog, ReleaseDirectory releases, KeyedLock locks,
    ExecutionLinks links, IAuditLog audit, TimeProvider time, ILogger<OutsideExecutions> logger)
{
    private readonly RecentIds ignored = new(ReleaseDirectory.Capacity, TimeSpan.FromHours(6), time);

    /// <summary>The execution's release: the known one, a newly announced one, or null when it is none of ours.</summary>
    public async Task<ReleaseInfo?> FindOrAdoptAsync(string executionId, CancellationToken ct)
    {
        if (await releases.FindAsync(executionId, ct) is { } known)
        {
            return known;
        }

        using var held = await locks.AcquireAsync(executionId, ct);
        if (await releases.FindAsync(executionId, ct) is { } adopted)
        {
            // Announced meanwhile by the event ahead of this one.
            return adopted;
        }

        if (!ignored.TryAddAll(executionId))
        {
            return null;
        }

        try
        {
            return await ReadAndAnnounceAsync(executionId, ct);
        }
        catch
        {
            // Not announced: the event comes back from the queue and tries again.
            ignored.Forget(executionId);
            throw;
        }
    }

    private async Task<ReleaseInfo?> ReadAndAnnounceAsync(string executionId, CancellationToken ct)
    {
        AutomationExecution execution;
        try
        {
            execution = await ssm.GetAutomationExecutionAsync(executionId, ct);
        }
        catch (AwsException e) when (e.Code is "AutomationExecutionNotFoundException")
        {
            OutsideLog.Gone(logger, executionId);
            return null;
        }

        if (OutsideExecution.Read(execution, catalog) is { } outside)
        {
            return await AnnounceAsync(outside, ct);
        }

        if (execution.DocumentName == catalog.Gate.Document)
        {
            OutsideLog.UnknownGateService(logger, executionId, execution.Parameter(GateOptions.Parameters.Service));
        }
        else
        {
            OutsideLog.NotCatalogued(logger, executionId, execution.DocumentName);
        }

        return null;
    }

    private async Task<ReleaseInfo> AnnounceAsync(OutsideExecution outside, CancellationToken ct)
    {
        var id = outside.Execution.ExecutionId;
        var channel = catalog.ChannelOf(outside.Service);
        var thread = await slack.PostMessageAsync(channel, null, OutsideMessages.Announcement(outside, links.Execution(id)), ct);
        var status = await slack.PostMessageAsync(channel, thread, OutsideMessages.Following(outside), ct);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{channel}/{thread}",
            [ExecutionTags.Requester] = outside.Requester,
            [ExecutionTags.Service] = outside.Service.Name,
            [ExecutionTags.Version] = outside.Version,
            [ExecutionTags.StatusTs] = status,
            [ExecutionTags.Outside] = outside.IsGate ? "gate" : "deploy",
        };
        await ssm.AddTagsAsync(id, tags, ct);
        var release = new ReleaseInfo(id, channel, thread, outside.Requester, outside.Service.Name, outside.Version, status, tags);
        releases.Adopted(release);
        OutsideLog.Announced(logger, id, outside.Service.Name, outside.ExecutedBy, channel, thread);
        await audit.AppendAsync(
            new AuditEntry(outside.IsGate ? "gate" : "outside", "announced", outside.RequestedBy, channel, null, outside.Service.Name, outside.Version, id, outside.ExecutedBy),
            ct);
        return release;
    }
}
