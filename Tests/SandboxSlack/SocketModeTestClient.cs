using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace SocketDeployer.Tests.SandboxSlack;

/// <summary>A bare Socket Mode client: raw ClientWebSocket, messages queued as they arrive.</summary>
internal sealed class SocketModeTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _inbox = Channel.CreateUnbounded<JsonObject>();
    private Task _receiving = Task.CompletedTask;

    public WebSocket Socket => _socket;

    /// <summary>Completes when the server closed (or dropped) the connection.</summary>
    public TaskCompletionSource<WebSocketCloseStatus?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<SocketModeTestClient> ConnectAsync(Uri url, Action<ClientWebSocketOptions>? configure = null)
    {
        var client = new SocketModeTestClient();
        configure?.Invoke(client._socket.Options);
        await client._socket.ConnectAsync(url, CancellationToken.None);
        client._receiving = client.ReceiveLoopAsync();
        return client;
    }

    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        return await _inbox.Reader.ReadAsync(cts.Token);
    }

    public async Task<JsonObject> ReceiveHelloAsync()
    {
        var hello = await ReceiveAsync();
        Assert.That(hello["type"]?.ToString(), Is.EqualTo("hello"));
        return hello;
    }

    public Task AckAsync(string envelopeId, JsonObject? payload = null)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload;
        }

        return SendAsync(ack);
    }

    public Task SendAsync(JsonObject message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Closed.TrySetResult(result.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _inbox.Writer.TryWrite(JsonNode.Parse(message.ToArray())!.AsObject());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            Closed.TrySetResult(null);
        }
    }
}
