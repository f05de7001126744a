using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.Slack;

/// <summary>Envelopes are acked at once and handled by a fixed number of workers through a bounded queue.</summary>
[CancelAfter(30_000)]
public sealed class SocketModeHandlingTests
{
    private FakeSlackServer _server = null!;
    private CancellationTokenSource _stop = null!;
    private FakeLoggerProvider _logProvider = null!;
    private ILoggerFactory _logs = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await FakeSlackServer.StartAsync();
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

    private (SocketModeClient Client, Task Run) Start(BlockingHandler handler, int workers, int capacity)
    {
        var slack = Options.Create(new SlackOptions { AppToken = "xapp-1-test", BotToken = "xoxb-test", ApiBaseUrl = _server.ApiBaseUrl, Connections = 1 });
        var api = new SlackApi(new HttpClient(), slack, TimeProvider.System, NullLogger<SlackApi>.Instance,
            Options.Create(new SlackApiResilienceOptions { MaxRetryAttempts = 0 }));
        var options = new SocketModeOptions { HandlerWorkers = workers, HandlerQueueCapacity = capacity };
        var client = new SocketModeClient(api, slack, handler, TimeProvider.System, _logs, Options.Create(options));
        return (client, client.RunAsync(_stop.Token));
    }

    private static async Task<string> NextAckAsync(FakeSocket socket, CancellationToken ct) =>
        (string)JsonNode.Parse(await socket.NextMessageAsync(ct))!["envelope_id"]!;

    [Test]
    public async Task AFloodIsAckedAtOnceButHandledByNoMoreThanTheWorkers(CancellationToken ct)
    {
        var handler = new BlockingHandler();
        var (client, run) = Start(handler, workers: 2, capacity: 100);
        var socket = await _server.NextSocketAsync(ct);
        await client.WhenFirstHello.WaitAsync(ct);

        for (var i = 1; i <= 6; i++)
        {
            await socket.SendEnvelopeAsync($"env-{i}", $"Ev{i}");
            Assert.That(await NextAckAsync(socket, ct), Is.EqualTo($"env-{i}"), "acked while every worker is busy");
        }

        await handler.WaitStartedAsync(2, ct);
        // The ack goes out before the envelope is queued, so the last one may still be on its way in: a message the
        // client only logs, read by the same loop after it, marks the moment all six are in.
        await socket.SendAsync("""{"type":"probe"}""");
        await _logProvider.Collector.WaitForAsync(r => r.EventId == 1211 && r.Message.Contains("probe", StringComparison.Ordinal));
        Assert.That(client.QueuedEnvelopes, Is.EqualTo(4), "six acked, two handling, four waiting");
        Assert.That(handler.Running, Is.EqualTo(2), "two workers, two handlers at once; the other four wait");

        handler.Release();
        await handler.WaitStartedAsync(6, ct);
        await _stop.CancelAsync();
        await run;
        Assert.Multiple(() =>
        {
            Assert.That(handler.MostAtOnce, Is.EqualTo(2));
            Assert.That(handler.Seen, Is.EquivalentTo(Enumerable.Range(1, 6).Select(i => $"Ev{i}")));
            Assert.That(client.OverflowedEnvelopes, Is.Zero);
        });
    }

    [Test]
    public async Task PastTheQueuesCapacityAnEnvelopeIsAckedCountedAndNotHandled(CancellationToken ct)
    {
        var handler = new BlockingHandler();
        var (client, run) = Start(handler, workers: 1, capacity: 1);
        var socket = await _server.NextSocketAsync(ct);
        await client.WhenFirstHello.WaitAsync(ct);

        await socket.SendEnvelopeAsync("env-1", "Ev1");
        await NextAckAsync(socket, ct);
        await handler.WaitStartedAsync(1, ct);
        await socket.SendEnvelopeAsync("env-2", "Ev2");
        await NextAckAsync(socket, ct);
        await socket.SendEnvelopeAsync("env-3", "Ev3");
        Assert.That(await NextAckAsync(socket, ct), Is.EqualTo("env-3"), "acked even though it cannot be handled");

        await _logProvider.Collector.WaitUntilAsync(() => client.OverflowedEnvelopes == 1);
        handler.Release();
        await handler.WaitStartedAsync(2, ct);
        await _stop.CancelAsync();
        await run;
        Assert.Multiple(() =>
        {
            Assert.That(handler.Seen, Is.EqualTo(new[] { "Ev1", "Ev2" }));
            Assert.That(client.OverflowedEnvelopes, Is.EqualTo(1));
        });
    }

    private sealed class BlockingHandler : ISocketModeHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;

        public ConcurrentQueue<string?> Seen { get; } = new();

        public int Running => Volatile.Read(ref _running);

        public int MostAtOnce { get; private set; }

        public void Release() => _release.TrySetResult();

        public async Task WaitStartedAsync(int count, CancellationToken ct)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (Seen.Count >= count)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(ct);
            }
        }

        public async ValueTask HandleAsync(SocketModeEnvelope envelope, CancellationToken ct)
        {
            lock (_gate)
            {
                Seen.Enqueue(envelope.EventId);
                MostAtOnce = Math.Max(MostAtOnce, ++_running);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await _release.Task.WaitAsync(ct);
            lock (_gate)
            {
                _running--;
            }
        }
    }
}
