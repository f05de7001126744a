using System.Net.Sockets;
using System.Text;

namespace SocketDeployer.Tests.Ops;

/// <summary>Plays systemd's side of sd_notify: a bound unix datagram socket that collects what arrives.</summary>
internal sealed class NotifySocketListener : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _directory;

    private NotifySocketListener(string notifySocket, string bindPath, string? directory)
    {
        NotifySocket = notifySocket;
        _directory = directory;
        _socket.Bind(new UnixDomainSocketEndPoint(bindPath));
    }

    /// <summary>The value systemd would put in NOTIFY_SOCKET.</summary>
    public string NotifySocket { get; }

    /// <summary>A socket file in a fresh temporary directory.</summary>
    public static NotifySocketListener OnPath()
    {
        var directory = Directory.CreateTempSubdirectory("sdnotify-").FullName;
        var path = Path.Combine(directory, "notify");
        return new NotifySocketListener(path, path, directory);
    }

    /// <summary>A socket in the abstract namespace, written '@name' as systemd does.</summary>
    public static NotifySocketListener Abstract()
    {
        var name = "socketdeployer-test-" + Guid.NewGuid().ToString("N");
        return new NotifySocketListener("@" + name, "\0" + name, null);
    }

    /// <summary>The next datagram, failing the test if none arrives within the deadline.</summary>
    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no datagram on {NotifySocket} within {Deadline}");
            throw;
        }
    }

    /// <summary>Datagrams until one matches; the test fails with <paramref name="context"/> if none does within the deadline.</summary>
    public async Task<string> ReceiveUntilAsync(Func<string, bool> match, Func<string> context)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                var message = Encoding.UTF8.GetString(buffer, 0, read);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"notification not received on {NotifySocket} within {Deadline}:\n{context()}");
            throw;
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
