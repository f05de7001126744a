using Microsoft.Extensions.Hosting;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

/// <summary>Readiness, liveness and status the test controls, as the integrator's probes would report them.</summary>
internal sealed class FakeProbes : IReadinessProbe, ILivenessProbe, IStatusSource
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
        return _ready.Task.WaitAsync(cancellationToken);
    }

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
