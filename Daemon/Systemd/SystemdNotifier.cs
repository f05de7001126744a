using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>
/// sd_notify(3) without libsystemd: one datagram per call on the <c>NOTIFY_SOCKET</c> unix socket.
/// A no-op outside systemd. Thread-safe; never throws into its callers, because a daemon must not
/// fail over a status line (failures are logged at Debug).
/// </summary>
internal sealed class SystemdNotifier : IDisposable
{
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly ILogger<SystemdNotifier> _logger;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private bool _disposed;

    /// <summary>Creates a notifier for the given systemd environment.</summary>
    public SystemdNotifier(SystemdEnvironment environment, ILogger<SystemdNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _logger = logger;
        WatchdogInterval = environment.WatchdogInterval;
        _endpoint = CreateEndpoint(environment.NotifySocket, logger);
    }

    /// <summary>Whether systemd is listening (a usable <c>NOTIFY_SOCKET</c> was given).</summary>
    public bool IsEnabled => _endpoint is not null;

    /// <summary>Half of the service's WatchdogSec when systemd watches this process; null otherwise.</summary>
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>Start-up is finished (<c>READY=1</c>).</summary>
    public bool Ready() => Notify("READY=1");

    /// <summary>A one-line status for <c>systemctl status</c> (<c>STATUS=…</c>); line breaks become spaces.</summary>
    public bool Status(string status) =>
        Notify("STATUS=" + (status ?? string.Empty).ReplaceLineEndings(" "));

    /// <summary>The service is alive and making progress (<c>WATCHDOG=1</c>).</summary>
    public bool Watchdog() => Notify("WATCHDOG=1");

    /// <summary>Shutdown has begun (<c>STOPPING=1</c>).</summary>
    public bool Stopping() => Notify("STOPPING=1");

    /// <summary>Sends newline-separated assignments; true when the datagram left.</summary>
    public bool Notify(string state)
    {
        if (_endpoint is null)
        {
            return false;
        }

        var payload = Encoding.UTF8.GetBytes(state);
        try
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(payload, SocketFlags.None, _endpoint);
            }

            return true;
        }
        catch (Exception exception)
        {
            // Whatever went wrong (socket gone, buffer full, disposed at shutdown), the caller's work matters more.
            SystemdLog.NotifyFailed(_logger, exception, FirstKey(state));
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket?.Dispose();
            _socket = null;
        }
    }

    private static UnixDomainSocketEndPoint? CreateEndpoint(string? notifySocket, ILogger logger)
    {
        if (string.IsNullOrEmpty(notifySocket))
        {
            return null;
        }

        // systemd writes the abstract namespace as '@name'; the kernel wants a leading NUL.
        var path = notifySocket[0] switch
        {
            '/' => notifySocket,
            '@' => "\0" + notifySocket[1..],
            _ => null,
        };
        if (path is null || path.Length < 2)
        {
            // e.g. "vsock:…" (VM and container managers): not something this daemon is run under.
            SystemdLog.UnsupportedNotifySocket(logger, notifySocket);
            return null;
        }

        try
        {
            return new UnixDomainSocketEndPoint(path);
        }
        catch (ArgumentException exception)
        {
            SystemdLog.InvalidNotifySocket(logger, exception, notifySocket);
            return null;
        }
    }

    private static string FirstKey(string state)
    {
        var end = state.IndexOfAny(['=', '\n']);
        return end < 0 ? state : state[..end];
    }
}
