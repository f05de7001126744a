using System.Globalization;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Queue;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Daemon.Workers;

/// <summary>What systemd is told: ready once Slack said hello and the queue answered once; alive while both
/// loops make progress; a one-line status for <c>systemctl status</c>.</summary>
internal sealed class DaemonHealth(
    SocketModeClient slack, QueueReceiver queue, KeyedLock releasesInFlight, IOptions<QueueOptions> queueOptions, TimeProvider time)
    : IReadinessProbe, ILivenessProbe, IStatusSource
{
    public Task WhenReadyAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(slack.WhenFirstHello, queue.FirstReceive).WaitAsync(cancellationToken);

    public bool IsMakingProgress(DateTimeOffset now)
    {
        // A long poll lasts WaitTimeSeconds; allow two of them plus slack before calling the queue loop stuck.
        var queueBound = TimeSpan.FromSeconds((queueOptions.Value.WaitTimeSeconds * 2) + 30);
        var queueAlive = queue.LastSuccessfulReceive is { } last && now - last < queueBound;
        return slack.ConnectedCount > 0 && (queueAlive || queue.WaitingForCapacity);
    }

    public string Summary
    {
        get
        {
            var polled = queue.LastSuccessfulReceive is { } last
                ? string.Create(CultureInfo.InvariantCulture, $"queue polled {(int)(time.GetUtcNow() - last).TotalSeconds} s ago")
                : "queue not polled yet";
            return string.Create(CultureInfo.InvariantCulture, $"{slack.ConnectedCount} Slack connection(s); {polled}; {releasesInFlight.Count} release update(s) in flight");
        }
    }
}
