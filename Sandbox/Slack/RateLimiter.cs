namespace SocketDeployer.Sandbox.Slack;

/// <summary>Token buckets per key, after Slack's published tiers (requests per minute, with a burst).</summary>
internal sealed class RateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Slack's tier for each method the daemon uses: (requests per minute, burst).</summary>
    public static (double PerMinute, double Burst) LimitOf(string method) => method switch
    {
        // "generally allows posting one message per second per channel", short bursts tolerated.
        "chat.postMessage" => (60, 3),
        "apps.connections.open" => (1, 3),
        "usergroups.list" or "usergroups.users.list" => (20, 10),
        "chat.update" => (50, 25),
        "users.lookupByEmail" => (50, 25), // Tier 3
        _ => (100, 50),
    };

    /// <summary>Takes one token; when none is left, how long until one is.</summary>
    public TimeSpan? TryAcquire(string key, double perMinute, double burst)
    {
        var now = time.GetUtcNow();
        var perSecond = perMinute / 60;
        lock (_gate)
        {
            var (tokens, at) = _buckets.TryGetValue(key, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + ((now - at).TotalSeconds * perSecond));
            if (tokens >= 1)
            {
                _buckets[key] = (tokens - 1, now);
                return null;
            }

            _buckets[key] = (tokens, now);
            return TimeSpan.FromSeconds((1 - tokens) / perSecond);
        }
    }
}
