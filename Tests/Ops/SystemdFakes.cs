using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

/// <summary>Readiness, liveness and status the test controls, as the integrator's probes would report them.</summary>
internal sealed class FakeProbes : IReadinessProbe, ILivenessProbe, IStatusSource
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _readinessCalls;
    private int _livenessCalls;

    public volatile bool MakingProgress = true;

    public string Summary { get; set; } = "1 Slack connection; queue polled";

    public int ReadinessCalls => Volatile.Read(ref _readinessCalls);

    public int LivenessCalls => Volatile.Read(ref _livenessCalls);

    public void BecomeReady() => _ready.TrySetResult();

    public Task WhenReadyAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _readinessCalls);
        _asked.TrySetResult();
        return _ready.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes once something awaits readiness.</summary>
    public Task WaitUntilAskedAsync() => _asked.Task;

    public bool IsMakingProgress(DateTimeOffset now)
    {
        Interlocked.Increment(ref _livenessCalls);
        return MakingProgress;
    }
}

/// <summary>An application lifetime whose stopping the test triggers.</summary>
internal sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _started = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _stopped = new();

    public CancellationToken ApplicationStarted => _started.Token;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => _stopped.Token;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
        _stopped.Dispose();
    }
}

/// <summary>systemd's side of <see cref="ISystemdNotifier"/>: every notification, in order, for the test to await.</summary>
internal sealed class RecordingNotifier(bool enabled = true) : ISystemdNotifier
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();

    public bool IsEnabled => enabled;

    /// <summary>When set, every notification throws it, as the package's notifier does when the socket is gone.</summary>
    public Exception? Failure { get; set; }

    public void Notify(ServiceState state)
    {
        _sent.Writer.TryWrite(state.ToString());
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    /// <summary>Whether a notification is waiting, without waiting for one.</summary>
    public bool TryReceive(out string? state) => _sent.Reader.TryRead(out state);

    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            return await _sent.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no notification within {Deadline}");
            throw;
        }
    }
}

/// <summary>A <see cref="FakeTimeProvider"/> that says when timers are created, so a test advances it only once the
/// code under test is waiting on one (a background loop arms its timer on another thread).</summary>
internal sealed class TimerSignallingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly TaskCompletionSource _firstTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _timersCreated;

    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public Task FirstTimer => _firstTimer.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        _firstTimer.TrySetResult();
        return timer;
    }
}
