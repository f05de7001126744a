using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Slack;

/// <summary>
/// Keeps <see cref="SlackOptions.Connections"/> Socket Mode connections open, each slot supervised and reconnected,
/// and hands every envelope, once, to the <see cref="ISocketModeHandler"/>.
/// </summary>
/// <remarks>
/// Slack may redeliver an envelope to any open connection, with a new envelope_id for the same event_id; every
/// delivery is acked, but a delivery seen recently (by either id) does not reach the handler again.
/// </remarks>
public sealed class SocketModeClient
{
    private readonly ISlackApi _api;
    private readonly ISocketModeHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SocketModeOptions _options;
    private readonly int _connections;
    private readonly RecentIds _recent;
    private readonly ConcurrentDictionary<SocketModeConnection, byte> _live = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly TaskCompletionSource _firstHello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivityTicks;
    private int _generation;
    // Handlers get their own token, cancelled only when the drain bound runs out after a stop.
    private readonly CancellationTokenSource _handlersStop = new();

    public SocketModeClient(
        ISlackApi api,
        IOptions<SlackOptions> slackOptions,
        ISocketModeHandler handler,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IOptions<SocketModeOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(slackOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _api = api;
        _handler = handler;
        _time = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SocketModeClient>();
        _options = options?.Value ?? new SocketModeOptions();
        _connections = Math.Clamp(slackOptions.Value.Connections, 1, 10);
        _recent = new RecentIds(_options.DeduplicationCapacity, _options.DeduplicationWindow, timeProvider);
        _lastActivityTicks = timeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>Connections that said hello and are still open (briefly one more while a slot swaps sockets).</summary>
    public int ConnectedCount => _live.Keys.Count(c => c.IsConnected);

    /// <summary>Completes when the first connection said hello (the moment to tell systemd READY=1).</summary>
    public Task WhenFirstHello => _firstHello.Task;

    /// <summary>When any connection last connected or received a message; for a watchdog.</summary>
    public DateTimeOffset LastActivity
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastActivityTicks);
            foreach (var connection in _live.Keys)
            {
                ticks = Math.Max(ticks, connection.LastActivity.UtcTicks);
            }

            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Runs every slot until cancelled, then closes the sockets politely and lets running handlers finish (bounded).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var slots = Enumerable.Range(1, _connections)
            .Select(n => new SocketModeSlot(n, this, _options, _time, _logger).RunAsync(cancellationToken))
            .ToArray();
        await Task.WhenAll(slots).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(_options.HandlerDrainTimeout, _time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Past the bound: cancel them and give them a moment to unwind; any still running are left to the host.
            await _handlersStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(_running.Keys).WaitAsync(_options.CloseTimeout, _time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    internal SocketModeConnection NewConnection(int slot)
    {
        var name = $"{slot}#{Interlocked.Increment(ref _generation)}";
        var connection = new SocketModeConnection(name, _api, _options, _time, _loggerFactory.CreateLogger<SocketModeConnection>(), OnEnvelope);
        _live.TryAdd(connection, 0);
        return connection;
    }

    internal void OnHello() => _firstHello.TrySetResult();

    /// <summary>Closes (politely or not) and forgets a connection.</summary>
    internal async Task RetireAsync(SocketModeConnection connection, bool politely)
    {
        if (politely)
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        _live.TryRemove(connection, out _);
        var ticks = connection.LastActivity.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastActivityTicks);
        }
        while (ticks > seen && Interlocked.CompareExchange(ref _lastActivityTicks, ticks, seen) != seen);
    }

    private void OnEnvelope(SocketModeEnvelope envelope)
    {
        var eventId = envelope.Type == "events_api" ? envelope.EventId : null;
        if (!_recent.TryAddAll("envelope:" + envelope.EnvelopeId, eventId is null ? null : "event:" + eventId))
        {
            SocketModeLog.DuplicateSkipped(_logger, envelope.EnvelopeId, eventId, envelope.RetryAttempt);
            return;
        }

        // Off the receive loop: the next envelope's ack must not wait for this handler.
        var task = Task.Run(() => HandleAsync(envelope), CancellationToken.None);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleAsync(SocketModeEnvelope envelope)
    {
        try
        {
            await _handler.HandleAsync(envelope, _handlersStop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_handlersStop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            SocketModeLog.HandlerFailed(_logger, envelope.EnvelopeId, envelope.Type, ex);
        }
    }
}
