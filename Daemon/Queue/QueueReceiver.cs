using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// The poll loop: long-polls SQS and hands each message to a bounded channel the handlers read. It asks for no more
/// messages than the channel has room for, because a receive starts each message's visibility clock: when handlers
/// fall behind, messages stay on the queue (visible to other instances) instead of piling up here.
/// </summary>
internal sealed class QueueReceiver
{
    private readonly ISqs _sqs;
    private readonly InFlightMessages _inFlight;
    private readonly QueueOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<SqsMessage> _channel;
    private readonly TaskCompletionSource _firstReceive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastReceiveTicks;
    private int _receivesInProgress;
    private int _waitingForCapacity;

    public QueueReceiver(ISqs sqs, InFlightMessages inFlight, IOptions<QueueOptions> options, TimeProvider time, ILogger<QueueReceiver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sqs = sqs;
        _inFlight = inFlight;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<SqsMessage>(new BoundedChannelOptions(_options.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>The received messages, in receive order; completed when the loop ends.</summary>
    public ChannelReader<SqsMessage> Reader => _channel.Reader;

    /// <summary>Completes when a receive first succeeded (systemd READY=1); cancelled if the loop stops before.</summary>
    public Task FirstReceive => _firstReceive.Task;

    /// <summary>When a ReceiveMessage last succeeded, messages or not; null before the first.</summary>
    public DateTimeOffset? LastSuccessfulReceive =>
        Interlocked.Read(ref _lastReceiveTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>ReceiveMessage calls under way (0 or 1). A watchdog tolerates a silent loop while one is, for up to the long poll plus its margin.</summary>
    public int ReceivesInProgress => Volatile.Read(ref _receivesInProgress);

    /// <summary>Whether the loop waits for handlers to take buffered messages: idle by design, not stuck.</summary>
    public bool WaitingForCapacity => Volatile.Read(ref _waitingForCapacity) != 0;

    /// <summary>Receives until <paramref name="stoppingToken"/> is cancelled, then completes the channel.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var room = await WaitForRoomAsync(stoppingToken);
                IReadOnlyList<SqsMessage> messages;
                try
                {
                    messages = await ReceiveAsync(room, stoppingToken);
                    failures = 0;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && !(e is AwsException refused && TroubleshootingHints.IsPermanent(refused)))
                {
                    // A refusal (AccessDenied, no such queue) is thrown: the worker fails and the daemon exits 2 with its hint.
                    // Never spin on a broken queue, credentials or network: back off, then try again.
                    var delay = ReceiveBackoff.After(++failures);
                    QueueLog.ReceiveFailed(_logger, Describe(e), failures, delay);
                    await Task.Delay(delay, _time, stoppingToken);
                    continue;
                }

                foreach (var message in messages)
                {
                    _inFlight.Hold(message);
                }

                // Room was checked before the receive and this loop is the only writer: these writes do not wait.
                foreach (var message in messages)
                {
                    await _channel.Writer.WriteAsync(message, stoppingToken);
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // A cancelled call, or one that failed as the stop came (a refused connection): either way the loop is done.
            // Messages received but not written are still held: the worker returns them.
        }
        finally
        {
            QueueLog.ReceiverStopping(_logger);
            _channel.Writer.TryComplete();
            _firstReceive.TrySetCanceled(stoppingToken.IsCancellationRequested ? stoppingToken : new CancellationToken(true));
        }
    }

    // One line, no stack trace: the SDK already retried this call, and the cause is all an operator needs.
    private static string Describe(Exception error) => error switch
    {
        AwsException aws => $"{aws.Code} {aws.StatusCode}",
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    private async Task<int> WaitForRoomAsync(CancellationToken ct)
    {
        var room = _options.ChannelCapacity - _channel.Reader.Count;
        if (room > 0)
        {
            return Math.Min(room, _options.MaxMessages);
        }

        QueueLog.ChannelFull(_logger, _options.ChannelCapacity);
        Volatile.Write(ref _waitingForCapacity, 1);
        try
        {
            while ((room = _options.ChannelCapacity - _channel.Reader.Count) <= 0)
            {
                await _channel.Writer.WaitToWriteAsync(ct);
            }
        }
        finally
        {
            Volatile.Write(ref _waitingForCapacity, 0);
        }

        return Math.Min(room, _options.MaxMessages);
    }

    private async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maxMessages, CancellationToken stoppingToken)
    {
        // The first receive is a short poll: it proves credentials and queue access at once, so READY=1
        // is not held back by an empty queue's 20-second long poll.
        var wait = _firstReceive.Task.IsCompleted ? _options.WaitTimeSeconds : 0;
        using var deadline = new CallDeadline(TimeSpan.FromSeconds(wait) + CallDeadline.LongPollMargin, _time, stoppingToken);
        Interlocked.Increment(ref _receivesInProgress);
        try
        {
            var messages = await _sqs.ReceiveMessagesAsync(maxMessages, wait, _options.VisibilitySeconds, deadline.Token);
            Interlocked.Exchange(ref _lastReceiveTicks, _time.GetUtcNow().UtcTicks);
            if (_firstReceive.TrySetResult())
            {
                QueueLog.FirstReceive(_logger);
            }

            QueueLog.Received(_logger, messages.Count);
            return messages;
        }
        catch (OperationCanceledException) when (deadline.TimedOut && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"ReceiveMessage took longer than {wait} s + {CallDeadline.LongPollMargin}.");
        }
        finally
        {
            Interlocked.Decrement(ref _receivesInProgress);
        }
    }
}
