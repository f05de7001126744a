using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// The measuring floor: the least a Socket Mode app can do (one ClientWebSocket, ack each envelope, nothing else), run as its
/// own process with <c>bench --acker API_URL</c> (the app token in SLACK_APP_TOKEN). Whatever latency it shows is the
/// Sandbox's and the machine's, not an app's.
/// </summary>
internal static class BaselineAcker
{
    public static async Task<int> RunAsync(Uri apiBaseUrl, string appToken)
    {
        using var http = new HttpClient();
        using var open = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, "apps.connections.open"));
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        using var answer = await http.SendAsync(open);
        using var opened = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var url = new Uri(opened.RootElement.GetProperty("url").GetString()!);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);
        var buffer = new byte[256 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var count = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None) is var r && r.MessageType == WebSocketMessageType.Close
                    ? new WebSocketReceiveResult(0, WebSocketMessageType.Close, true)
                    : new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            if (EnvelopeId(buffer.AsSpan(0, count)) is { } id)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"envelope_id\":\"{id}\"}}"), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }

        return 0;
    }

    private static string? EnvelopeId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("envelope_id"u8))
            {
                reader.Read();
                return reader.GetString();
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
            {
                reader.Skip();
            }
        }

        return null;
    }
}
