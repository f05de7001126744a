using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Slack;

public sealed partial class SocketModeConnection
{
    private async Task OnMessageAsync(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            SocketModeLog.Unparsable(_logger, Name, ex.Message);
            return;
        }

        using (document)
        {
            try
            {
                await OnDocumentAsync(document.RootElement).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // Valid JSON that cannot be read as text (a lone surrogate escape): one bad frame, not a dead socket.
                SocketModeLog.Unparsable(_logger, Name, ex.Message);
            }
        }
    }

    private async Task OnDocumentAsync(JsonElement root)
    {
        var type = root.String("type") ?? "";
        if (type == "hello")
        {
            _connected = true;
            _hello.TrySetResult(root.TryGetProperty("num_connections", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) ? count : 0);
        }
        else if (type == "disconnect")
        {
            var reason = root.String("reason") ?? "unknown";
            SocketModeLog.DisconnectRequested(_logger, Name, reason);
            _disconnect.TrySetResult(reason);
        }
        else if (root.String("envelope_id") is { } envelopeId)
        {
            // Acked before anyone looks at the content: Slack wants it within 3 s, whatever the handler does.
            await SendAckAsync(envelopeId).ConfigureAwait(false);
            _onEnvelope(ToEnvelope(envelopeId, type, root));
        }
        else
        {
            SocketModeLog.Ignored(_logger, Name, type);
        }
    }

    private static SocketModeEnvelope ToEnvelope(string envelopeId, string type, JsonElement root) => new(
        envelopeId,
        type,
        root.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
        root.TryGetProperty("retry_attempt", out var attempt) && attempt.ValueKind == JsonValueKind.Number && attempt.TryGetInt32(out var a) ? a : 0,
        root.String("retry_reason"),
        root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True);

    private async Task SendAckAsync(string envelopeId)
    {
        // Written by hand, not serialized: no reflection and one small buffer on the path Slack times.
        var ack = new ArrayBufferWriter<byte>(64 + envelopeId.Length);
        using (var writer = new Utf8JsonWriter(ack))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id"u8, envelopeId);
            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(ack.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Close frames go through the same lock: ClientWebSocket allows one send at a time.
    private async Task SendCloseAsync(CancellationToken cancellationToken, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
