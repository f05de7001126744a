using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>GET /link/?ticket=…: the Socket Mode websocket: hello, envelopes out, acks in.</summary>
internal sealed class SocketModeEndpoint(WorkspaceContext workspace, ConnectionRegistry connections, EnvelopeDispatcher dispatcher)
{
    private const int MaxMessageBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!workspace.Tickets.Redeem(context.Request.Query["ticket"].ToString()))
        {
            Log.TicketRefused(workspace.Logger);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var gate = context.Items[typeof(SocketGate)] as SocketGate ?? new SocketGate();
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = connections.Add(i => new SocketConnection(i, socket, context, gate, workspace.Time.GetUtcNow()));
        Log.Connected(workspace.Logger, connection.Index, connections.OpenCount);
        try
        {
            await connection.SendAsync(Hello(), stopping);
            await dispatcher.OnReadyAsync(connection);
            await ReceiveAsync(connection, stopping);
        }
        finally
        {
            connections.Closed(connection);
            Log.Disconnected(workspace.Logger, connection.Index);
        }
    }

    private JsonObject Hello() => new()
    {
        ["type"] = "hello",
        ["num_connections"] = connections.OpenCount,
        ["debug_info"] = new JsonObject
        {
            ["host"] = "applink-sandbox-1",
            ["build_number"] = 1,
            // Seconds until Slack would refresh this connection.
            ["approximate_connection_time"] = 18060,
        },
        ["connection_info"] = new JsonObject { ["app_id"] = workspace.Options.AppId },
    };

    private async Task ReceiveAsync(SocketConnection connection, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "", stopping);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", stopping);
                    return;
                }

                if (result.EndOfMessage)
                {
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        OnText(connection, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer vanished or the workspace is stopping: the connection is over either way.
        }
    }

    private void OnText(SocketConnection connection, string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            node = null;
        }

        if (node is JsonObject obj && obj["envelope_id"] is JsonValue id && id.TryGetValue<string>(out var envelopeId))
        {
            dispatcher.OnAck(connection, envelopeId, obj["payload"] as JsonObject);
        }
        else
        {
            Log.NotAnAck(workspace.Logger, connection.Index, text);
        }
    }
}
