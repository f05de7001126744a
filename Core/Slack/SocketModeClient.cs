using System.Collections.Concurrent;
using System.Threading.Channels;
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
/// Envelopes are handled off the receive loop by <see cref="SocketModeOptions.HandlerWorkers"/> workers reading a
/// queue of <see cref="SocketModeOptions.HandlerQueueCapacity"/>; an envelope arriving when it is full (already acked)
/// is logged and counted in <see cref="OverflowedEnvelopes"/>, never piled up as one more task.
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
    private readonly Channel<SocketModeEnvelope> _pending;
    private readonly TaskCompletionSource _firstHello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivityTicks;
    private int _generation;
    private long _overflowed;
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
        _pending = Channel.CreateBounded<SocketModeEnvelope>(new BoundedChannelOptions(Math.Max(1, _options.HandlerQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Envelopes acked but not handled because the handling queue was full, since start.</summary>
    public long OverflowedEnvelopes => Interlocked.Read(ref _overflowed);

    /// <summary>Envelopes waiting for a worker.</summary>
    public int QueuedEnvelopes => _pending.Reader.Count;

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

    /// <summary>Runs every slot until cancelled, then closes the sockets politely and lets the workers finish the
    /// queued and running envelopes (bounded by <see cref="SocketModeOptions.HandlerDrainTimeout"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, _options.HandlerWorkers))
            .Select(_ => Task.Run(WorkAsync, CancellationToken.None))
            .ToArray();
        var slots = Enumerable.Range(1, _connections)
            .Select(n => new SocketModeSlot(n, this, _options, _time, _logger).RunAsync(cancellationToken))
            .ToArray();
        await Task.WhenAll(slots).ConfigureAwait(false);
        _pending.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers).WaitAsync(_options.HandlerDrainTimeout, _time, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Past the bound: cancel the handlers (queued envelopes are then skipped) and give them a moment to
            // unwind; any still running are left to the host.
            await _handlersStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).WaitAsync(_options.CloseTimeout, _time, CancellationToken.None).ConfigureAwait(false);
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

        // Off the receive loop: the next envelope's ack must not wait for this handler, nor for room in the queue.
        if (!_pending.Writer.TryWrite(envelope))
        {
            SocketModeLog.Overflowed(_logger, envelope.EnvelopeId, envelope.Type, _options.HandlerQueueCapacity, Interlocked.Increment(ref _overflowed));
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var envelope in _pending.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_handlersStop.IsCancellationRequested)
            {
                SocketModeLog.SkippedAtStop(_logger, envelope.EnvelopeId, envelope.Type);
                continue;
            }

            await HandleAsync(envelope).ConfigureAwait(false);
        }
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
