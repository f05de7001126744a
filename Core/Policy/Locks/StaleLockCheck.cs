using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Policy.Locks;

/// <summary>
/// Decides whether a release's lock may be taken over: its execution has ended (or is gone), or its acquirer died
/// before starting one. The latter is only assumed after <see cref="StartGrace"/>, and only once SSM shows no running
/// execution carrying the holder's event tag; if one does, it is recorded on the lock, which then holds.
/// </summary>
internal sealed class StaleLockCheck(ISsm ssm, ILockStore store, Func<ServiceDefinition, CancellationToken, Task<RunningRelease?>> findRunning, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// How long an acquirer may take from the lock to a recorded execution (StartAutomationExecution with its
    /// retries, the start reply). Far above the worst case, so a live acquirer is never taken over.
    /// </summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(2);

    /// <summary>Why the holder is stale, or null when it still holds (manual locks always do).</summary>
    public async Task<string?> WhyStaleAsync(ServiceDefinition service, LockHolder holder, CancellationToken ct)
    {
        if (holder.IsManual)
        {
            return null;
        }

        if (holder.ExecutionId is { } executionId)
        {
            return await EndedAsync(executionId, ct);
        }

        if (time.GetUtcNow() - holder.Since < StartGrace)
        {
            return null;
        }

        // The acquirer may have started its execution and died before recording it: the event tag finds it.
        if (await findRunning(service, ct) is { } running && running.EventId == holder.EventId)
        {
            LockLog.FoundByTag(logger, service.Name, running.Execution.ExecutionId);
            await store.TryRecordExecutionAsync(holder, running.Execution.ExecutionId, ct);
            return null;
        }

        return "its acquirer started nothing within " + StartGrace.TotalMinutes + " minutes";
    }

    private async Task<string?> EndedAsync(string executionId, CancellationToken ct)
    {
        try
        {
            var execution = await ssm.GetAutomationExecutionAsync(executionId, ct);
            return AutomationStatus.IsTerminal(execution.Status) ? $"execution {executionId} ended {execution.Status}" : null;
        }
        catch (AwsException e) when (e.Code is "AutomationExecutionNotFoundException")
        {
            return $"execution {executionId} does not exist";
        }
    }
}
