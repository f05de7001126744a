namespace SocketDeployer.Core.Slack;

/// <summary>
/// One token bucket (a burst, then one token per period) whose waiters are served by <see cref="PostPriority"/>,
/// then oldest first, on the injected clock.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting serves waiters in arrival order only and fails a lease once its queue is full;
/// here a waiter is always served at the pace, and only refusals are turned away (when
/// <c>refusalLimit</c> of them already wait), so nothing ever goes out unpaced.
/// </remarks>
internal sealed class PriorityTokenBucket : IDisposable
{
    private const double Epsilon = 1e-9;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _burst;
    private readonly TimeSpan _perToken;
    private readonly int _refusalLimit;
    private readonly PriorityQueue<TaskCompletionSource<bool>, (PostPriority Priority, long Sequence)> _waiters = new();
    private readonly ITimer _timer;
    private double _tokens;
    private long _refilledAt;
    private long _sequence;
    private int _queuedRefusals;
    private bool _armed;

    public PriorityTokenBucket(int burst, TimeSpan perToken, int refusalLimit, TimeProvider time)
    {
        _time = time;
        _burst = burst;
        _perToken = perToken;
        _refusalLimit = refusalLimit;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How many posts wait for a token.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Takes a token, waiting for one behind every waiter of a higher class or of the same class and older;
    /// false when the waiter is a refusal and too many refusals already wait (the refusal is shed).</summary>
    public async ValueTask<bool> AcquireAsync(PostPriority priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<bool> waiter;
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && _tokens >= 1 - Epsilon)
            {
                _tokens -= 1;
                return true;
            }

            if (priority == PostPriority.Refusal && _queuedRefusals >= _refusalLimit)
            {
                return false;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter, (priority, _sequence++));
            _queuedRefusals += priority == PostPriority.Refusal ? 1 : 0;
            Arm();
        }

        await using (cancellationToken.UnsafeRegister(_ => Cancel(waiter, cancellationToken), null).ConfigureAwait(false))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    private void Cancel(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_waiters.Remove(waiter, out _, out var key))
            {
                return;
            }

            _queuedRefusals -= key.Priority == PostPriority.Refusal ? 1 : 0;
        }

        waiter.TrySetCanceled(cancellationToken);
    }

    private void Pump()
    {
        var granted = new List<TaskCompletionSource<bool>>();
        lock (_gate)
        {
            _armed = false;
            Refill();
            while (_tokens >= 1 - Epsilon && _waiters.TryDequeue(out var waiter, out var key))
            {
                _tokens -= 1;
                _queuedRefusals -= key.Priority == PostPriority.Refusal ? 1 : 0;
                granted.Add(waiter);
            }

            if (_waiters.Count > 0)
            {
                Arm();
            }
        }

        // Completed outside the lock: the continuations run elsewhere (RunContinuationsAsynchronously) anyway.
        foreach (var waiter in granted)
        {
            waiter.TrySetResult(true);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now);
        _refilledAt = now;
        _tokens = Math.Min(_burst, _tokens + (elapsed / _perToken));
    }

    private void Arm()
    {
        if (_armed)
        {
            return;
        }

        // Rounded up to a whole tick, at least one: a timer due "now" would fire before the token exists.
        var due = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(Math.Max(0, 1 - _tokens) * _perToken.Ticks)));
        _armed = _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            while (_waiters.TryDequeue(out var waiter, out _))
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(SlackPacing)));
            }
        }
    }
}
