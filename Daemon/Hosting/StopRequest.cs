using System.Runtime.InteropServices;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>
/// Whether someone asked the daemon to stop (SIGTERM, SIGINT, SIGQUIT, or the caller's token): only then is exit 0
/// honest. A host that stops for any other reason stopped on a failure, and systemd's Restart=on-failure must see it.
/// </summary>
internal sealed class StopRequest : IDisposable
{
    private readonly PosixSignalRegistration[] _signals;
    private readonly CancellationTokenRegistration _token;
    private volatile bool _requested;

    public StopRequest(CancellationToken cancellationToken)
    {
        // Only noted here: the host's own console lifetime still turns the signal into a graceful stop.
        _signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => _requested = true))];
        _token = cancellationToken.Register(() => _requested = true);
    }

    /// <summary>True once a stop was asked for.</summary>
    public bool Requested => _requested;

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        _token.Dispose();
    }
}
