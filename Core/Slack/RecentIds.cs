namespace SocketDeployer.Core.Slack;

/// <summary>Ids seen recently: bounded in count and in age, oldest forgotten first.</summary>
internal sealed class RecentIds(int capacity, TimeSpan window, TimeProvider timeProvider)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Records the ids; true when none of them was seen within the window.</summary>
    public bool TryAddAll(params ReadOnlySpan<string?> ids)
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            Expire(now);
            var fresh = true;
            foreach (var id in ids)
            {
                if (id is not null && _seen.ContainsKey(id))
                {
                    fresh = false;
                }
            }

            foreach (var id in ids)
            {
                if (id is not null && _seen.TryAdd(id, now))
                {
                    _order.Enqueue((id, now));
                }
            }

            return fresh;
        }
    }

    /// <summary>Forgets an id, so the next <see cref="TryAddAll"/> with it counts as fresh.</summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            // Its queue entry stays until it ages out; Expire removing an absent key is harmless.
            _seen.Remove(id);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count >= capacity || now - _order.Peek().At > window))
        {
            _seen.Remove(_order.Dequeue().Id);
        }
    }
}
