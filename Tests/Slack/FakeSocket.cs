using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Tests.Slack;

/// <summary>The server side of one Socket Mode websocket.</summary>
internal sealed class FakeSocket(int number, string ticket, WebSocket socket, ConcurrentQueue<string> log, HttpContext context)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Number { get; } = number;

    public string Ticket { get; } = ticket;

    /// <summary>The close status the client sent (null when the connection just dropped).</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendEnvelopeAsync(string envelopeId, string eventId, int retryAttempt = 0) => SendAsync(
        $$$$"""{"envelope_id":"{{{{envelopeId}}}}","type":"events_api","accepts_response_payload":false,"retry_attempt":{{{{retryAttempt}}}},"retry_reason":"","payload":{"type":"event_callback","event_id":"{{{{eventId}}}}","team_id":"T111","event":{"type":"app_mention","text":"<@U111> help","user":"U222","channel":"C111","ts":"1.1"}}}""");

    public async Task<string> NextMessageAsync(CancellationToken ct) => await _received.Reader.ReadAsync(ct);

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort() => context.Abort();

    /// <summary>Reads nothing (so answers neither pings nor close frames) until the connection drops.</summary>
    public async Task IgnoreUntilDroppedAsync()
    {
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        log.Enqueue($"dropped:{Number}");
        _closed.TrySetResult(null);
    }

    public async Task ReadUntilClosedAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    log.Enqueue($"closed:{Number}:{result.CloseStatus}");
                    _closed.TrySetResult(result.CloseStatus);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                _received.Writer.TryWrite(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            log.Enqueue($"dropped:{Number}");
            _closed.TrySetResult(null);
        }
    }
}
