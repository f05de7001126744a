using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Policy;

/// <summary>The per-service deploy lock, read from SSM at each request so it holds across instances and restarts.</summary>
public sealed class DeployLock(ISsm ssm)
{
    /// <summary>Statuses that mean an execution still holds the service.</summary>
    public static readonly IReadOnlyList<string> RunningStatuses = ["Pending", "InProgress", "Waiting"];

    /// <summary>The running execution of the service's document, if any, and who asked for it.</summary>
    public async Task<RunningRelease?> FindRunningAsync(ServiceDefinition service, CancellationToken cancellationToken)
    {
        var running = await ssm.DescribeAutomationExecutionsAsync(service.Document, [.. RunningStatuses], cancellationToken);
        var execution = running.OrderBy(e => e.StartTime ?? DateTimeOffset.MaxValue).FirstOrDefault();
        if (execution is null)
        {
            return null;
        }

        var tags = await ssm.ListTagsAsync(execution.ExecutionId, cancellationToken);
        return new RunningRelease(
            execution,
            tags.GetValueOrDefault(ExecutionTags.Requester),
            tags.GetValueOrDefault(ExecutionTags.Version),
            tags.GetValueOrDefault(ExecutionTags.Event));
    }
}

/// <summary>An execution holding a service's lock; Requester is null when it was not started from Slack.</summary>
public sealed record RunningRelease(AutomationExecutionSummary Execution, string? Requester, string? Version, string? EventId);
