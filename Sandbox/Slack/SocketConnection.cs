using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>One accepted Socket Mode websocket; sends are serialised as WebSocket requires.</summary>
internal sealed class SocketConnection(int index, WebSocket socket, HttpContext context, SocketGate gate, DateTimeOffset openedAt)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private int _closing;

    public int Index { get; } = index;
    public WebSocket Socket { get; } = socket;
    public HttpContext Context { get; } = context;
    public SocketGate Gate { get; } = gate;
    public DateTimeOffset OpenedAt { get; } = openedAt;

    /// <summary>Told to reconnect (<c>warning</c>/<c>refresh_requested</c>): new envelopes go elsewhere when possible.</summary>
    public bool Draining { get; set; }

    /// <summary>Hello was sent: envelopes may follow.</summary>
    public bool Ready { get; set; }

    public bool IsOpen { get; private set; } = true;

    /// <summary>Cancelled when the connection's handler ends.</summary>
    public CancellationToken Closed => _closed.Token;

    public void MarkClosed()
    {
        IsOpen = false;
        _closed.Cancel();
    }

    /// <summary>Writes one text message; false when the socket is already gone.</summary>
    public Task<bool> SendAsync(JsonObject message, CancellationToken ct) => SendTextAsync(message.ToJsonString(), ct);

    /// <summary>Writes one text message as it is, JSON or not; false when the socket is already gone.</summary>
    public async Task<bool> SendTextAsync(string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct);
        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return false;
            }

            await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Starts a normal close once; the receive loop finishes the handshake.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await _sendLock.WaitAsync(ct);
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await Socket.CloseOutputAsync(status, description, ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            Abort();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        // The HttpContext is recycled once the handler returns; touch it only while the connection lives.
        if (!IsOpen)
        {
            return;
        }

        Socket.Abort();
        try
        {
            Context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Aborting the socket ended the request first: the connection is already gone, which is the point.
        }
    }
}
