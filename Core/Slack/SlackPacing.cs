using System.Threading.RateLimiting;

namespace SocketDeployer.Core.Slack;

/// <summary>Slack's published posting pace, applied before a call instead of learned from 429s: chat.postMessage
/// about one per second per channel with short bursts; chat.update (Tier 3, 50 per minute) per workspace.</summary>
/// <remarks>Twenty releases in one channel then queue their lines at Slack's pace; retries after a 429 stay the
/// backstop for limits Slack does not publish.</remarks>
public sealed class SlackPacing : IDisposable
{
    private readonly bool enabled;
    private readonly PartitionedRateLimiter<string> posts;
    private readonly TokenBucketRateLimiter updates;

    public SlackPacing()
        : this(Microsoft.Extensions.Options.Options.Create(new SlackPacingOptions()))
    {
    }

    public SlackPacing(Microsoft.Extensions.Options.IOptions<SlackPacingOptions> options)
    {
        var o = options.Value;
        enabled = o.Enabled;
        posts = PartitionedRateLimiter.Create<string, string>(channel =>
            RateLimitPartition.GetTokenBucketLimiter(channel, _ => Bucket(o.PostBurst, TimeSpan.FromSeconds(1.0 / o.PostsPerSecond))));
        updates = new TokenBucketRateLimiter(Bucket(o.UpdateBurst, TimeSpan.FromMinutes(1.0 / o.UpdatesPerMinute)));
    }

    /// <summary>Waits for a chat.postMessage slot in <paramref name="channel"/>.</summary>
    public async ValueTask PostAsync(string channel, CancellationToken cancellationToken)
    {
        if (enabled)
        {
            using var lease = await posts.AcquireAsync(channel, 1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a chat.update slot.</summary>
    public async ValueTask UpdateAsync(CancellationToken cancellationToken)
    {
        if (enabled)
        {
            using var lease = await updates.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, TimeSpan perToken) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = perToken,
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        posts.Dispose();
        updates.Dispose();
    }
}
