namespace SocketDeployer.Sandbox.Slack;

/// <summary>Every Socket Mode connection ever accepted; its index is its position, stable for the workspace's life.</summary>
internal sealed class ConnectionRegistry
{
    private readonly Lock _gate = new();
    private readonly List<SocketConnection> _all = [];
    private int _nextPick;

    public ChangeSignal Changed { get; } = new();

    public SocketConnection Add(Func<int, SocketConnection> create)
    {
        SocketConnection connection;
        lock (_gate)
        {
            connection = create(_all.Count);
            _all.Add(connection);
        }

        Changed.Pulse();
        return connection;
    }

    public void Closed(SocketConnection connection)
    {
        connection.MarkClosed();
        Changed.Pulse();
    }

    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _all.Count(c => c.IsOpen);
            }
        }
    }

    public IReadOnlyList<SocketConnection> Open
    {
        get
        {
            lock (_gate)
            {
                return [.. _all.Where(c => c.IsOpen)];
            }
        }
    }

    public SocketConnection? Get(int index)
    {
        lock (_gate)
        {
            return index >= 0 && index < _all.Count ? _all[index] : null;
        }
    }

    /// <summary>
    /// A ready connection, round robin, preferring ones not told to reconnect and not
    /// <paramref name="avoid"/> (a redelivery goes to another connection when there is one).
    /// </summary>
    public SocketConnection? Pick(int? avoid)
    {
        lock (_gate)
        {
            var ready = _all.Where(c => c.IsOpen && c.Ready).ToList();
            if (ready.Count == 0)
            {
                return null;
            }

            var preferred = ready.Where(c => !c.Draining && c.Index != avoid).ToList();
            if (preferred.Count == 0)
            {
                preferred = [.. ready.Where(c => !c.Draining)];
            }

            if (preferred.Count == 0)
            {
                preferred = ready;
            }

            return preferred[_nextPick++ % preferred.Count];
        }
    }
}
