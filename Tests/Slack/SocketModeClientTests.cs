using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.Slack;

[CancelAfter(30_000)]
public sealed class SocketModeClientTests
{
    private FakeSlackServer _server = null!;
    private RecordingHandler _handler = null!;
    private CancellationTokenSource _stop = null!;
    private FakeLoggerProvider _logProvider = null!;
    private ILoggerFactory _logs = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await FakeSlackServer.StartAsync();
        _handler = new RecordingHandler();
        _stop = new CancellationTokenSource();
        _logProvider = new FakeLoggerProvider();
        _logs = _logProvider.CreateLoggerFactory();
    }

    [TearDown]
    public async Task StopServer()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await _server.DisposeAsync();
        _logs.Dispose();
        _logProvider.Dispose();
    }

    private (SocketModeClient Client, Task Run) Start(int connections = 1, Action<SocketModeOptions>? tune = null)
    {
        var slack = Options.Create(new SlackOptions
        {
            AppToken = "xapp-1-test",
            BotToken = "xoxb-test",
            ApiBaseUrl = _server.ApiBaseUrl,
            Connections = connections,
        });
        // No retries inside the API client: the socket client's own backoff is what is under test.
        var api = new SlackApi(new HttpClient(), slack, TimeProvider.System, NullLogger<SlackApi>.Instance,
            Options.Create(new SlackApiResilienceOptions { MaxRetryAttempts = 0 }));
        var options = new SocketModeOptions
        {
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            SlowRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        tune?.Invoke(options);
        var client = new SocketModeClient(api, slack, _handler, TimeProvider.System, _logs, Options.Create(options));
        return (client, client.RunAsync(_stop.Token));
    }

    private static async Task<string> NextAckAsync(FakeSocket socket, CancellationToken ct) =>
        (string)JsonNode.Parse(await socket.NextMessageAsync(ct))!["envelope_id"]!;

    [Test]
    public async Task AcksAreSentWithoutWaitingForTheHandler(CancellationToken ct)
    {
        var release = new TaskCompletionSource();
        _handler.Behaviour = (_, _) => release.Task;
        var (client, run) = Start();
        var socket = await _server.NextSocketAsync(ct);
        await client.WhenFirstHello.WaitAsync(ct);

        await socket.SendEnvelopeAsync("env-1", "Ev1");
        Assert.That(await NextAckAsync(socket, ct), Is.EqualTo("env-1"));
        await _handler.WhenSeen("env-1").WaitAsync(ct);
        await socket.SendEnvelopeAsync("env-2", "Ev2");
        Assert.That(await NextAckAsync(socket, ct), Is.EqualTo("env-2"));
        Assert.That(release.Task.IsCompleted, Is.False, "both acks arrived while the first handler was still blocked");

        release.SetResult();
        await _stop.CancelAsync();
        await run;
        Assert.That(_handler.Seen.Select(e => e.EventId), Is.EquivalentTo(new[] { "Ev1", "Ev2" }));
        Assert.That(_handler.Seen.First().Payload.GetProperty("event").GetProperty("type").GetString(), Is.EqualTo("app_mention"));
    }

    [Test]
    public async Task PublishedEnvelopesAreAckedAndParsed(CancellationToken ct)
    {
        var (_, run) = Start();
        var socket = await _server.NextSocketAsync(ct);

        await socket.SendAsync(SlackSamples.Read("events_api_app_mention.python-sdk-test.json"));
        Assert.That(await NextAckAsync(socket, ct), Is.EqualTo("cda4159a-72a5-4744-aba3-4d66eb52682b"));
        await socket.SendAsync(SlackSamples.Read("interactive_block_actions_button.bolt-python-test.json"));
        Assert.That(await NextAckAsync(socket, ct), Is.EqualTo("00000000-0000-0000-0000-000000000001"));

        await _stop.CancelAsync();
        await run;
        var byType = _handler.Seen.ToDictionary(e => e.Type);
        var mention = byType["events_api"];
        Assert.That((mention.EventId, mention.RetryAttempt, mention.RetryReason, mention.AcceptsResponsePayload), Is.EqualTo(("Ev111", 0, "", false)));
        var click = byType["interactive"];
        Assert.That(click.EventId, Is.Null);
        Assert.That(click.Payload.GetProperty("actions")[0].GetProperty("value").GetString(), Is.EqualTo("clicked"));
    }

    [Test]
    public async Task DuplicatesAreAckedOnAnyConnectionButHandledOnce(CancellationToken ct)
    {
        var (_, run) = Start(connections: 2);
        var first = await _server.NextSocketAsync(ct);
        var second = await _server.NextSocketAsync(ct);

        await first.SendEnvelopeAsync("env-1", "Ev1");
        Assert.That(await NextAckAsync(first, ct), Is.EqualTo("env-1"));
        // Acks go out before handlers run: the first delivery must be handled before its retry arrives.
        await _handler.WhenSeen("env-1").WaitAsync(ct);
        await second.SendEnvelopeAsync("env-2", "Ev1", retryAttempt: 1);
        Assert.That(await NextAckAsync(second, ct), Is.EqualTo("env-2"));
        await second.SendEnvelopeAsync("env-1", "Ev1", retryAttempt: 2);
        Assert.That(await NextAckAsync(second, ct), Is.EqualTo("env-1"));
        await first.SendEnvelopeAsync("env-3", "Ev3");
        Assert.That(await NextAckAsync(first, ct), Is.EqualTo("env-3"));

        // Stopping drains running handlers, so a late duplicate would be counted here.
        await _stop.CancelAsync();
        await run;
        Assert.That(_handler.Seen.Select(e => e.EnvelopeId), Is.EquivalentTo(new[] { "env-1", "env-3" }));
    }

    [TestCase("disconnect_refresh_requested.slack-docs.json")]
    [TestCase("disconnect_warning.slack-docs.json")]
    public async Task DisconnectOpensTheReplacementBeforeClosingTheOld(string sample, CancellationToken ct)
    {
        var (client, run) = Start();
        var old = await _server.NextSocketAsync(ct);

        await old.SendAsync(SlackSamples.Read(sample));
        var replacement = await _server.NextSocketAsync(ct);
        var closeStatus = await old.Closed.WaitAsync(ct);

        Assert.That(replacement.Ticket, Is.Not.EqualTo(old.Ticket));
        Assert.That(closeStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        var log = _server.Log.ToList();
        Assert.That(log.IndexOf($"hello:{replacement.Number}"), Is.LessThan(log.IndexOf($"closed:{old.Number}:NormalClosure")));
        await _logProvider.Collector.WaitUntilAsync(() => client.ConnectedCount == 1);
        await _stop.CancelAsync();
        await run;
    }

    [TestCase("disconnect_link_disabled.slack-docs.json")]
    [TestCase("disconnect_too_many_websockets.python-sdk-test.json")]
    public async Task RefusingDisconnectsCloseFirstThenReconnectAfterADelay(string sample, CancellationToken ct)
    {
        var (_, run) = Start();
        var old = await _server.NextSocketAsync(ct);

        await old.SendAsync(SlackSamples.Read(sample));
        await old.Closed.WaitAsync(ct);
        var next = await _server.NextSocketAsync(ct);

        var log = _server.Log.ToList();
        Assert.That(log.IndexOf($"closed:{old.Number}:NormalClosure"), Is.LessThan(log.IndexOf($"accepted:{next.Number}")));
        await _stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task AnAbruptCloseIsFollowedByANewConnection(CancellationToken ct)
    {
        var (client, run) = Start();
        var first = await _server.NextSocketAsync(ct);

        first.Abort();
        var second = await _server.NextSocketAsync(ct);

        Assert.That(second.Ticket, Is.Not.EqualTo(first.Ticket));
        await _logProvider.Collector.WaitUntilAsync(() => client.ConnectedCount == 1);
        await _stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task FailingConnectionsOpenIsRetriedWithBackoff(CancellationToken ct)
    {
        _server.FailOpen(HttpStatusCode.OK, """{"ok":false,"error":"internal_error"}""");
        _server.FailOpen(HttpStatusCode.InternalServerError, "oops");
        var (client, run) = Start();

        await client.WhenFirstHello.WaitAsync(ct);

        Assert.That(_server.OpenCalls, Is.EqualTo(3));
        Assert.That(client.ConnectedCount, Is.EqualTo(1));
        await _stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task ASilentPeerIsDetectedByKeepAlive(CancellationToken ct)
    {
        _server.SilenceNext(1);
        var (_, run) = Start(tune: o =>
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            o.KeepAliveTimeout = TimeSpan.FromMilliseconds(300);
        });
        var silent = await _server.NextSocketAsync(ct);

        var next = await _server.NextSocketAsync(ct);

        Assert.That(next.Number, Is.GreaterThan(silent.Number));
        Assert.That(await silent.Closed.WaitAsync(ct), Is.Null, "the client dropped the silent socket (no close frame), not just added one");
        await _stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task OpensTheConfiguredNumberOfConnections(CancellationToken ct)
    {
        var (client, run) = Start(connections: 2);

        await client.WhenFirstHello.WaitAsync(ct);
        await _logProvider.Collector.WaitUntilAsync(() => client.ConnectedCount == 2);

        await _stop.CancelAsync();
        await run;
    }

    [Test]
    public async Task CancellationClosesPolitely(CancellationToken ct)
    {
        var (client, run) = Start();
        var socket = await _server.NextSocketAsync(ct);
        await _logProvider.Collector.WaitUntilAsync(() => client.ConnectedCount == 1);

        await _stop.CancelAsync();
        await run.WaitAsync(ct);

        Assert.That(await socket.Closed.WaitAsync(ct), Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        Assert.That(client.ConnectedCount, Is.Zero);
    }

    private sealed class RecordingHandler : ISocketModeHandler
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _seen = new();

        public ConcurrentQueue<SocketModeEnvelope> Seen { get; } = new();

        public Func<SocketModeEnvelope, CancellationToken, Task>? Behaviour { get; set; }

        /// <summary>Completes once the handler has been given the envelope.</summary>
        public Task WhenSeen(string envelopeId) => Signal(envelopeId).Task;

        public async ValueTask HandleAsync(SocketModeEnvelope envelope, CancellationToken ct)
        {
            Seen.Enqueue(envelope);
            Signal(envelope.EnvelopeId).TrySetResult();
            if (Behaviour is { } behaviour)
            {
                await behaviour(envelope, ct);
            }
        }

        private TaskCompletionSource Signal(string envelopeId) =>
            _seen.GetOrAdd(envelopeId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
