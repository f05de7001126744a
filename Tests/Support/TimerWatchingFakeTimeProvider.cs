using Microsoft.Extensions.Time.Testing;

namespace SocketDeployer.Tests.Support;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/>, plus what it does not tell: which timers are armed and how far ahead
/// they are due, and a signal when that changes, so a test can await "the code under test now waits on the clock"
/// before it moves the clock, instead of polling. It also keeps a timer re-armed from inside its own callback armed,
/// which FakeTimeProvider alone drops.
/// </summary>
internal sealed class TimerWatchingFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _timers = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Starts at 2026-01-01 12:00 UTC, a date the tests' expected texts are written for.</summary>
    public TimerWatchingFakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Completes the next time a timer is armed, re-armed, fires or is disposed.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>How far ahead each armed timer is due.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - now)];
        }
    }

    /// <summary>
    /// Re-checks <paramref name="condition"/> each time a timer is armed, re-armed, fires or is disposed, until it holds;
    /// fails the test after <paramref name="timeout"/> (real time) saying what was awaited.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.That(condition(), Is.True, () => $"Timed out waiting until {what}; timers due in: {string.Join(", ", PendingDelays())}");
                return;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on virtual time: each time it waits on a timer due within <paramref name="longest"/>,
    /// the clock jumps to that timer. Longer timers (per-attempt timeouts) are left alone. Returns the jumps made.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> DriveAsync(Task work, TimeSpan longest)
    {
        var jumps = new List<TimeSpan>();
        while (!work.IsCompleted)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var next = PendingDelays().Where(d => d <= longest).Order().FirstOrDefault(TimeSpan.MinValue);
            if (next != TimeSpan.MinValue)
            {
                jumps.Add(next);
                Advance(next < TimeSpan.Zero ? TimeSpan.Zero : next);
                continue;
            }

            await Task.WhenAny(work, changed);
        }

        await work;
        return jumps;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(watched);
        }

        // Armed before the inner timer exists: FakeTimeProvider fires a timer due now from inside CreateTimer.
        watched.Arm(dueTime, period);
        watched.Adopt(CreateInner(watched, dueTime, period));
        Pulse();
        return watched;
    }

    // FakeTimeProvider truncates to whole milliseconds, so a timer due in 0.3 ms fires at once, inside Change, before
    // its time; a real timer fires no earlier than it is due. Rounded up, it fires when due.
    private ITimer CreateInner(WatchedTimer watched, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(static s => ((WatchedTimer)s!).Fire(), watched, NoEarlier(dueTime), NoEarlier(period));

    private static TimeSpan NoEarlier(TimeSpan span) =>
        span <= TimeSpan.Zero ? span : TimeSpan.FromMilliseconds(Math.Ceiling(span.TotalMilliseconds));

    private void Pulse() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class WatchedTimer(TimerWatchingFakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _swap = new();
        private bool _disposed;

        private ITimer? Inner { get; set; }

        /// <summary>
        /// Takes <paramref name="created"/> as the inner timer, unless one due now fired while being created and its
        /// callback re-armed the timer (which set a newer inner one): then the spent one goes.
        /// </summary>
        public void Adopt(ITimer created)
        {
            lock (_swap)
            {
                if (Inner is null && !_disposed)
                {
                    Inner = created;
                    return;
                }
            }

            created.Dispose();
        }

        public DateTimeOffset? Due { get; private set; }

        private TimeSpan? Period { get; set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            // The clock is read outside the lock: FakeTimeProvider may hold its own while it fires a timer.
            var now = owner.GetUtcNow();
            lock (owner._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + NoEarlier(dueTime);
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : NoEarlier(period);
            }
        }

        public void Fire()
        {
            var now = owner.GetUtcNow();
            lock (owner._gate)
            {
                Due = Period is { } period ? now + period : null;
            }

            callback(state);
            owner.Pulse();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_swap)
            {
                if (_disposed)
                {
                    return false;
                }

                // FakeTimeProvider disables a one-shot timer once its callback returns, even when the callback re-armed
                // it (a pump that schedules its next run): a fresh inner timer per change keeps every re-arm.
                Arm(dueTime, period);
                Inner?.Dispose();
                Inner = null;
                Adopt(owner.CreateInner(this, dueTime, period));
            }

            owner.Pulse();
            return true;
        }

        public void Dispose()
        {
            lock (_swap)
            {
                _disposed = true;
                Inner?.Dispose();
            }

            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }

            owner.Pulse();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
