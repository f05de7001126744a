using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Slack;

/// <summary>
/// One Socket Mode websocket: opened on a fresh apps.connections.open URL, ready after <c>hello</c>,
/// acknowledging every envelope before passing it on, and reporting Slack's <c>disconnect</c> requests.
/// </summary>
public sealed partial class SocketModeConnection : IAsyncDisposable
{
    private const int InitialBufferBytes = 16 * 1024;

    private readonly ISlackApi _api;
    private readonly SocketModeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<SocketModeEnvelope> _onEnvelope;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<string> _receiveLoop = Task.FromResult("not connected");
    private long _lastActivityTicks;
    private volatile bool _connected;

    /// <param name="name">Names this connection in logs, e.g. <c>1#3</c> (slot 1, third socket).</param>
    /// <param name="onEnvelope">Called on the receive loop after the ack was sent; must return quickly.</param>
    public SocketModeConnection(
        string name, ISlackApi api, SocketModeOptions options, TimeProvider timeProvider, ILogger logger, Action<SocketModeEnvelope> onEnvelope)
    {
        Name = name;
        _api = api;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _onEnvelope = onEnvelope;
        _socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        // Without a timeout, pings are fire-and-forget and a dead peer goes unnoticed.
        _socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        Touch();
    }

    /// <summary>This connection's name in logs.</summary>
    public string Name { get; }

    /// <summary>True between Slack's <c>hello</c> and the end of the socket.</summary>
    public bool IsConnected => _connected;

    /// <summary>When the socket last connected or received a message.</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Completes with the reason of Slack's first <c>disconnect</c> message on this socket.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes (never faults) when the socket is gone, with a description of why.</summary>
    public Task<string> Completion => _receiveLoop;

    /// <summary>Opens the socket on a fresh URL and waits for <c>hello</c>; returns its <c>num_connections</c>.</summary>
    public async Task<int> ConnectAsync(CancellationToken cancellationToken)
    {
        var url = await _api.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // The URL's query holds a single-use ticket: log the host only.
        SocketModeLog.Connecting(_logger, Name, url.Host);
        try
        {
            await _socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            Touch();
            _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
            var connections = await _hello.Task.WaitAsync(_options.HelloTimeout, _time, cancellationToken).ConfigureAwait(false);
            SocketModeLog.Hello(_logger, Name, connections);
            return connections;
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes politely (NormalClosure), waiting at most <see cref="SocketModeOptions.CloseTimeout"/>, then aborts.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
                await SendCloseAsync(timeout.Token).ConfigureAwait(false);
                await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                SocketModeLog.CloseNotAcknowledged(_logger, Name, ex.GetType().Name);
            }
        }

        await AbortAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await AbortAsync().ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task AbortAsync()
    {
        _connected = false;
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiveLoop.ConfigureAwait(false);
    }

    private async Task<string> ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        var count = 0;
        string end;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (count >= _options.MaxMessageBytes)
                    {
                        await SendCloseAsync(_stop.Token, WebSocketCloseStatus.MessageTooBig).ConfigureAwait(false);
                        end = $"message larger than {_options.MaxMessageBytes} bytes";
                        break;
                    }

                    buffer = Grow(buffer, count);
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(count), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    end = $"closed by peer ({_socket.CloseStatus?.ToString() ?? "no status"})";
                    await AnswerCloseAsync().ConfigureAwait(false);
                    break;
                }

                count += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Touch();
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    await OnMessageAsync(buffer.AsMemory(0, count)).ConfigureAwait(false);
                }

                count = 0;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            end = "closed by us";
        }
        catch (OperationCanceledException ex)
        {
            // The runtime fails the pending read this way when it aborts the socket itself; a keep-alive
            // timeout (dead peer) comes as the inner WebSocketException.
            end = $"aborted: {ex.InnerException?.Message ?? ex.Message}";
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Dropped TCP connections land here.
            end = $"aborted: {ex.Message}";
        }
        catch (Exception ex)
        {
            // A bug in message handling must end this socket (and get it replaced), not kill the process.
            end = $"failed: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _connected = false;
        }

        _hello.TrySetException(new WebSocketException($"Socket Mode connection {Name} ended before hello: {end}"));
        SocketModeLog.Ended(_logger, Name, end);
        return end;
    }

    private static byte[] Grow(byte[] buffer, int count)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
            try
            {
                await SendCloseAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                SocketModeLog.CloseNotAcknowledged(_logger, Name, ex.GetType().Name);
            }
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, _time.GetUtcNow().UtcTicks);
}
