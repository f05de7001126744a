using System.Collections.Concurrent;

namespace SocketDeployer.Core.Slack;

/// <summary>A small read-through cache whose entries expire after a fixed time-to-live.</summary>
/// <remarks>Failures are not cached; concurrent misses may both load, which is harmless for idempotent reads.</remarks>
internal sealed class ExpiringCache<TKey, TValue>(TimeSpan ttl, TimeProvider timeProvider)
    where TKey : notnull
{
    // Keeps a long-running daemon from growing without bound on ids it saw once.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();

    public async Task<TValue> GetOrAddAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        var value = await load(key, cancellationToken).ConfigureAwait(false);
        if (_entries.Count >= MaxEntries)
        {
            Prune(now);
        }

        _entries[key] = (value, timeProvider.GetUtcNow() + ttl);
        return value;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Expires <= now)
            {
                _entries.TryRemove(pair.Key, out _);
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }
}
