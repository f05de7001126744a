using System.Collections.Concurrent;

namespace SocketDeployer.Core.Slack;

/// <summary>A small read-through cache whose entries expire after a fixed time-to-live.</summary>
/// <remarks>Failures are not cached. Concurrent misses of one key share a single load: twenty releases asked for at
/// once must not become twenty usergroups.users.list calls.</remarks>
internal sealed class ExpiringCache<TKey, TValue>(TimeSpan ttl, TimeProvider timeProvider)
    where TKey : notnull
{
    // Keeps a long-running daemon from growing without bound on ids it saw once.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _loading = new();

    public async Task<TValue> GetOrAddAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        // The shared load must not be cancelled by whichever caller happened to start it; it leaves the table when
        // it completes, whether anyone still waits for it or not (a failure is never cached).
        var shared = _loading.GetOrAdd(key, k => new Lazy<Task<TValue>>(() => load(k, CancellationToken.None)));
        var loading = shared.Value;
        _ = loading.ContinueWith(_ => _loading.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, shared)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var value = await loading.WaitAsync(cancellationToken).ConfigureAwait(false);

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
