namespace SocketDeployer.Daemon.Queue;

/// <summary>A caller's token linked with a timeout on the injected clock: one per remote call.</summary>
/// <remarks>The SQS client has attempt timeouts of its own; this bounds the whole call, retries included, so a
/// hung connection can never stall a loop.</remarks>
internal sealed class CallDeadline : IDisposable
{
    /// <summary>Bound of one call other than the long poll.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Bound of returning a message at shutdown: best-effort, and the host's shutdown timeout is short.</summary>
    public static readonly TimeSpan ReturnTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How much longer than its wait a long poll may take.</summary>
    public static readonly TimeSpan LongPollMargin = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public CallDeadline(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the timeout (not the caller) cancelled the call.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
