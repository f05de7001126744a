namespace SocketDeployer.Sandbox.Slack;

internal sealed record PlannedFault(int HttpStatus, TimeSpan? RetryAfter);

/// <summary>Faults queued by tests: HTTP failures per method and apps.connections.open errors.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<PlannedFault>> _http = new(StringComparer.Ordinal);
    private readonly Queue<string> _connectionsOpen = new();
    private readonly HashSet<string> _revokedScopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TimeSpan>> _delays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _delaysTaken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _duplicates = new(StringComparer.Ordinal);
    private CancellationTokenSource _heldRelease = new();

    public void DelayNext(string method, TimeSpan delay, int times)
    {
        lock (_gate)
        {
            if (!_delays.TryGetValue(method, out var queue))
            {
                _delays[method] = queue = new Queue<TimeSpan>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(delay);
            }
        }
    }

    /// <summary>Cancelled when the test lets every call now held back by a delay go on at once.</summary>
    public CancellationToken HeldRelease
    {
        get
        {
            lock (_gate)
            {
                return _heldRelease.Token;
            }
        }
    }

    public void ReleaseHeld()
    {
        CancellationTokenSource released;
        lock (_gate)
        {
            released = _heldRelease;
            _heldRelease = new CancellationTokenSource();
        }

        released.Cancel();
    }

    /// <summary>Pulses when a held-back call starts waiting out its delay.</summary>
    public ChangeSignal DelayTaken { get; } = new();

    public TimeSpan? TakeDelay(string method)
    {
        TimeSpan? taken;
        lock (_gate)
        {
            taken = _delays.TryGetValue(method, out var queue) && queue.TryDequeue(out var delay) ? delay : null;
            if (taken is not null)
            {
                _delaysTaken[method] = _delaysTaken.GetValueOrDefault(method) + 1;
            }
        }

        if (taken is not null)
        {
            DelayTaken.Pulse();
        }

        return taken;
    }

    public int DelaysTaken(string method)
    {
        lock (_gate)
        {
            return _delaysTaken.GetValueOrDefault(method);
        }
    }

    public void DuplicateNext(string envelopeType, int times)
    {
        lock (_gate)
        {
            _duplicates[envelopeType] = _duplicates.GetValueOrDefault(envelopeType) + times;
        }
    }

    public bool TakeDuplicate(string envelopeType)
    {
        lock (_gate)
        {
            if (_duplicates.GetValueOrDefault(envelopeType) <= 0)
            {
                return false;
            }

            _duplicates[envelopeType]--;
            return true;
        }
    }

    public void FailNext(string method, PlannedFault fault, int times)
    {
        lock (_gate)
        {
            if (!_http.TryGetValue(method, out var queue))
            {
                _http[method] = queue = new Queue<PlannedFault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public PlannedFault? TakeHttp(string method)
    {
        lock (_gate)
        {
            return _http.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    public void FailConnectionsOpen(string error, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _connectionsOpen.Enqueue(error);
            }
        }
    }

    public string? TakeConnectionsOpenError()
    {
        lock (_gate)
        {
            return _connectionsOpen.TryDequeue(out var error) ? error : null;
        }
    }

    public void Revoke(string scope)
    {
        lock (_gate)
        {
            _revokedScopes.Add(scope);
        }
    }

    public void Grant(string scope)
    {
        lock (_gate)
        {
            _revokedScopes.Remove(scope);
        }
    }

    public bool IsRevoked(string scope)
    {
        lock (_gate)
        {
            return _revokedScopes.Contains(scope);
        }
    }
}
