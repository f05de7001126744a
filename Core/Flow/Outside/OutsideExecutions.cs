using Microsoft.Extensions.Logging;
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
/// <remarks>Serialised per execution with the flow's own lock, so one instance looks once however many events arrive
/// together; across instances (two daemons on one queue, an event delivered twice) the announcement's claim in the
/// lock table decides who posts (<see cref="OutsideAnnouncer"/>).</remarks>
public sealed class OutsideExecutions(
    ISsm ssm, ServiceCatalog catalog, ReleaseDirectory releases, KeyedLock locks, OutsideAnnouncer announcer,
    TimeProvider time, ILogger<OutsideExecutions> logger)
{
    private readonly RecentIds ignored = new(ReleaseDirectory.Capacity, TimeSpan.FromHours(6), time);

    /// <summary>The execution's release: the known one, a newly announced one, none, or pending another instance.</summary>
    public async Task<Adoption> FindOrAdoptAsync(string executionId, CancellationToken ct)
    {
        if (await releases.FindAsync(executionId, ct) is { } known)
        {
            return Adoption.Of(known);
        }

        using var held = await locks.AcquireAsync(executionId, ct);
        if (await releases.FindAsync(executionId, ct) is { } adopted)
        {
            // Announced meanwhile by the event ahead of this one.
            return Adoption.Of(adopted);
        }

        if (!ignored.TryAddAll(executionId))
        {
            return Adoption.NotOurs;
        }

        try
        {
            var adoption = await ReadAndAnnounceAsync(executionId, ct);
            if (adoption.Pending)
            {
                // Another instance is announcing it: this event, when it comes back, looks again.
                ignored.Forget(executionId);
            }

            return adoption;
        }
        catch
        {
            // Not announced: the event comes back from the queue and tries again.
            ignored.Forget(executionId);
            throw;
        }
    }

    private async Task<Adoption> ReadAndAnnounceAsync(string executionId, CancellationToken ct)
    {
        AutomationExecution execution;
        try
        {
            execution = await ssm.GetAutomationExecutionAsync(executionId, ct);
        }
        catch (AwsException e) when (e.Code is "AutomationExecutionNotFoundException")
        {
            OutsideLog.Gone(logger, executionId);
            return Adoption.NotOurs;
        }

        if (OutsideExecution.Read(execution, catalog) is { } outside)
        {
            return await announcer.AnnounceOnceAsync(outside, ct);
        }

        if (execution.DocumentName == catalog.Gate.Document)
        {
            OutsideLog.UnknownGateService(logger, executionId, execution.Parameter(GateOptions.Parameters.Service));
        }
        else
        {
            OutsideLog.NotCatalogued(logger, executionId, execution.DocumentName);
        }

        return Adoption.NotOurs;
    }
}
