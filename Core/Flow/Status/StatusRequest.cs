using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Core.Flow.Status;

/// <summary>
/// <c>status</c>, <c>status &lt;service&gt;</c> and <c>status &lt;execution-id&gt;</c>: read from SSM at each request
/// (like the lock), so every instance answers the same.
/// </summary>
public sealed class StatusRequest(
    ISsm ssm,
    ServiceCatalog catalog,
    ReleaseDirectory releases,
    DeployLock deployLock,
    FreezeCalendar freezes,
    ExecutionLinks links,
    TimeProvider time,
    ILogger<StatusRequest> logger)
{
    /// <summary>Shown as running: the lock's statuses, and Cancelling so a cancel in flight stays visible.</summary>
    public static readonly IReadOnlyList<string> RunningStatuses = [.. DeployLock.RunningStatuses, "Cancelling"];

    /// <summary>The ends a "last result" may have.</summary>
    public static readonly IReadOnlyList<string> FinishedStatuses =
        ["Success", "Failed", "TimedOut", "Cancelled", "CompletedWithSuccess", "CompletedWithFailure"];

    public async Task HandleAsync(ReplyContext reply, StatusCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            switch (command.Target)
            {
                case null:
                    await OverviewAsync(reply, catalog.Services, null, ct);
                    break;
                case var id when command.TargetsExecution:
                    await ExecutionAsync(reply, id, ct);
                    break;
                case var name when catalog.ByName.TryGetValue(name, out var service):
                    await OverviewAsync(reply, [service], service.Name, ct);
                    break;
                case var name:
                    DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "unknown service");
                    await reply.AuditAsync("refused", ct, reason: "unknown service");
                    await reply.ThreadAsync(DeployMessages.UnknownService(name, [.. catalog.ByName.Keys], usage), ct);
                    break;
            }
        }
        catch (AwsException e)
        {
            StatusFlowLog.Failed(logger, e, reply.Command, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, reason: e.Code);
            await reply.ThreadAsync(StatusMessages.Unavailable(e.Code.Length > 0 ? e.Code : e.Message), ct);
        }
    }

    private async Task OverviewAsync(ReplyContext reply, IReadOnlyList<ServiceDefinition> services, string? scope, CancellationToken ct)
    {
        var statuses = new List<ServiceStatus>(services.Count);
        var locks = new List<ServiceLock>();
        foreach (var service in services)
        {
            statuses.Add(await ReadAsync(service, ct));
            if (await deployLock.HolderAsync(service.Name, ct) is { } holder)
            {
                locks.Add(new ServiceLock(service.Name, holder, holder.ExecutionId is { } id ? links.Execution(id) : null));
            }
        }

        await reply.AuditAsync("answered", ct, scope);
        StatusFlowLog.Answered(logger, reply.Command, reply.User);
        var now = time.GetUtcNow();
        await reply.ThreadAsync(StatusMessages.Overview(statuses, now, scope, StatusMessages.Locks(locks, now, scope), FreezeMessages.Summary(freezes, scope)), ct);
    }

    private async Task<ServiceStatus> ReadAsync(ServiceDefinition service, CancellationToken ct)
    {
        var running = await ssm.DescribeAutomationExecutionsAsync(service.Document, [.. RunningStatuses], ct);
        var finished = await ssm.DescribeAutomationExecutionsAsync(service.Document, [.. FinishedStatuses], ct);
        var lines = new List<ReleaseLine>();
        // The reply shows at most MaxLines anyway: do not read tags for rows nobody will see.
        foreach (var execution in running.OrderBy(e => e.StartTime ?? DateTimeOffset.MaxValue).Take(StatusMessages.MaxLines))
        {
            lines.Add(await LineAsync(service, execution, ct));
        }

        var last = finished.MaxBy(e => e.StartTime ?? DateTimeOffset.MinValue);
        return new ServiceStatus(service.Name, lines, last is null ? null : await LineAsync(service, last, ct));
    }

    private async Task<ReleaseLine> LineAsync(ServiceDefinition service, AutomationExecutionSummary execution, CancellationToken ct) =>
        new(service.Name, execution, await releases.FindAsync(execution.ExecutionId, ct), links.Execution(execution.ExecutionId));

    private async Task ExecutionAsync(ReplyContext reply, string executionId, CancellationToken ct)
    {
        AutomationExecution execution;
        try
        {
            execution = await ssm.GetAutomationExecutionAsync(executionId, ct);
        }
        catch (AwsException e) when (e.Code == "AutomationExecutionNotFoundException")
        {
            await reply.AuditAsync("answered", ct, executionId: executionId, reason: "no such execution");
            await reply.ThreadAsync(StatusMessages.UnknownExecution(executionId), ct);
            return;
        }

        // Only releases of the catalog: the bot's role may see other automations that are none of the channel's business.
        if (!catalog.ByDocument.TryGetValue(execution.DocumentName, out var service))
        {
            await reply.AuditAsync("refused", ct, executionId: executionId, reason: "not a service's execution");
            await reply.ThreadAsync(StatusMessages.NotAService(executionId), ct);
            return;
        }

        var release = await releases.FindAsync(executionId, ct);
        await reply.AuditAsync("answered", ct, service.Name, release?.Version, executionId);
        StatusFlowLog.Answered(logger, reply.Command, reply.User);
        await reply.ThreadAsync(StatusMessages.Execution(service.Name, execution, release, links.Execution(executionId), time.GetUtcNow()), ct);
    }
}
