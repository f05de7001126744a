using System.Net.Sockets;
using System.Text;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>What systemd does for Type=notify: a unix datagram socket whose path goes in <c>NOTIFY_SOCKET</c>.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;

    public NotifyListener(string path, TimeProvider time)
    {
        _time = time;
        Path = path;
        File.Delete(path);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _ = ReceiveAsync();
    }

    public string Path { get; }

    /// <summary>Completes with the timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which READY=1 arrived.</summary>
    public Task<long> Ready => _ready.Task;

    public void Dispose()
    {
        _socket.Dispose();
        File.Delete(Path);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var count = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                var text = Encoding.UTF8.GetString(buffer, 0, count);
                if (text.Split('\n').Contains("READY=1"))
                {
                    _ready.TrySetResult(_time.GetTimestamp());
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _ready.TrySetCanceled();
        }
    }
}
