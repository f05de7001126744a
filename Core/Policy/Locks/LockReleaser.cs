using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Policy.Locks;

/// <summary>Frees a service when the queue says the execution holding it ended (success, failure, cancel, timeout).</summary>
public sealed class LockReleaser(ReleaseDirectory releases, DeployLock deployLock)
{
    /// <summary>Releases the lock held by the event's execution when the event is its terminal status; otherwise nothing.</summary>
    public async Task OnEventAsync(AutomationEvent automationEvent, CancellationToken ct)
    {
        if (automationEvent is not ExecutionStatusChanged ended || !AutomationStatus.IsTerminal(ended.Status))
        {
            return;
        }

        // The service comes from the execution's tags (cached); an execution not started from Slack holds no lock.
        if (await releases.FindAsync(ended.ExecutionId, ct) is { } release)
        {
            await deployLock.ReleaseEndedAsync(release.Service, ended.ExecutionId, release.Tags.GetValueOrDefault(ExecutionTags.Event), ct);
        }
    }
}
