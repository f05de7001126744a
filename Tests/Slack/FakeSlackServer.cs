using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Tests.Slack;

/// <summary>Plays Slack on loopback: apps.connections.open hands out single-use tickets for its websocket endpoint.</summary>
internal sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tickets = new();
    private readonly Channel<FakeSocket> _accepted = Channel.CreateUnbounded<FakeSocket>();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _openScript = new();
    private int _ticket;
    private int _sockets;
    private int _silent;

    private FakeSlackServer(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public int OpenCalls;

    /// <summary>What happened, in order: "accepted:N", "hello:N", "closed:N:Status".</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSlackServer(app);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", server.OpenAsync);
        app.Map("/link", server.LinkAsync);
        await app.StartAsync();
        server.ApiBaseUrl = new Uri(app.Urls.First() + "/api/");
        return server;
    }

    public void FailOpen(HttpStatusCode status, string body) => _openScript.Enqueue((status, body));

    /// <summary>
    /// Makes the next <paramref name="count"/> sockets stop reading after hello, so they answer neither pings nor close frames.
    /// </summary>
    /// <remarks>
    /// Decided per socket when it is accepted, before the test can see it: a flag the test flips after receiving
    /// the socket could be read by the server after the flip.
    /// </remarks>
    public void SilenceNext(int count) => Interlocked.Add(ref _silent, count);

    public async Task<FakeSocket> NextSocketAsync(CancellationToken ct) => await _accepted.Reader.ReadAsync(ct);

    private async Task OpenAsync(HttpContext context)
    {
        Interlocked.Increment(ref OpenCalls);
        if (_openScript.TryDequeue(out var failure))
        {
            context.Response.StatusCode = (int)failure.Status;
            await context.Response.WriteAsync(failure.Body);
            return;
        }

        var ticket = Interlocked.Increment(ref _ticket).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _tickets[ticket] = false;
        var url = $"ws://{context.Request.Host}/link/?ticket={ticket}";
        await context.Response.WriteAsJsonAsync(new { ok = true, url });
    }

    private async Task LinkAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        // Single use, like Slack's: a reused URL is refused.
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryUpdate(ticket, true, false))
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(Interlocked.Increment(ref _sockets), ticket, webSocket, Log, context);
        var silent = TakeSilence();
        Log.Enqueue($"accepted:{socket.Number}");
        await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake"},"connection_info":{"app_id":"A111"}}""");
        Log.Enqueue($"hello:{socket.Number}");
        _accepted.Writer.TryWrite(socket);
        if (silent)
        {
            await socket.IgnoreUntilDroppedAsync();
        }
        else
        {
            await socket.ReadUntilClosedAsync();
        }
    }

    private bool TakeSilence()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _silent);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _silent, left - 1, left) != left);

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
