using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>
/// Polls GetAutomationExecution until the gate ends or the deadline passes. The interval starts short (a quick
/// decision is seen at once) and grows to <see cref="MaxInterval"/>, so an hour's wait costs a few hundred calls.
/// Transient AWS faults (throttling, 5xx, network) are waited out; anything else ends the wait.
/// </summary>
internal sealed class GateWaiter(ISsm ssm, TimeProvider time)
{
    public static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(10);

    /// <summary>The ended execution, or null when <paramref name="deadline"/> passed first.</summary>
    public async Task<AutomationExecution?> WaitAsync(string executionId, DateTimeOffset? deadline, CancellationToken ct)
    {
        var interval = FirstInterval;
        while (true)
        {
            try
            {
                var execution = await ssm.GetAutomationExecutionAsync(executionId, ct);
                if (AutomationStatus.IsTerminal(execution.Status))
                {
                    return execution;
                }
            }
            catch (AwsException e) when (AwsRetryOptions.IsTransient(e))
            {
                // The SDK already retried this call; the gate is still open, so ask again on the next round.
            }

            var now = time.GetUtcNow();
            if (deadline is { } end && now >= end)
            {
                return null;
            }

            var sleep = deadline is { } until && until - now < interval ? until - now : interval;
            await Task.Delay(sleep, time, ct);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
        }
    }

    /// <summary>The execution's tags once <paramref name="ready"/> holds for them, or the last read after a few tries:
    /// the daemon tags who decided right after it signalled, so the end may be seen a moment before the name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TagsAsync(string executionId, Func<IReadOnlyDictionary<string, string>, bool> ready, CancellationToken ct)
    {
        IReadOnlyDictionary<string, string> tags = new Dictionary<string, string>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            tags = await ssm.ListTagsAsync(executionId, ct);
            if (ready(tags))
            {
                break;
            }

            await Task.Delay(FirstInterval, time, ct);
        }

        return tags;
    }
}
