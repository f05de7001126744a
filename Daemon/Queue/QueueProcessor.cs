using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// Runs <see cref="QueueOptions.Concurrency"/> consumers over the receiver's channel. Each takes the next message in
/// receive order and awaits its handler; so messages start in order but, with more than one consumer, may finish in
/// any order, even within one receive batch. Ordering per execution is the handler's job (see
/// <see cref="IQueueMessageHandler"/>). A message is deleted only after its handler said <see cref="QueueOutcome.Done"/>.
/// </summary>
internal sealed class QueueProcessor(
    ISqs sqs,
    IQueueMessageHandler handler,
    InFlightMessages inFlight,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<QueueProcessor> logger)
{
    /// <summary>How long handlers in flight may run on after a stop was asked for.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private int _handling;

    /// <summary>Handlers running now.</summary>
    public int HandlersInProgress => Volatile.Read(ref _handling);

    /// <summary>
    /// Handles messages until the channel completes or <paramref name="stoppingToken"/> is cancelled; then takes no
    /// new message, lets running handlers finish within <see cref="DrainTimeout"/> and deletes what they finished.
    /// </summary>
    public async Task RunAsync(ChannelReader<SqsMessage> reader, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var deleter = new MessageDeleter(sqs, time, logger);
        var deleting = deleter.RunAsync();
        using var handlers = new CancellationTokenSource();
        var consumers = Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency)
            .Select(_ => ConsumeAsync(reader, deleter, stoppingToken, handlers.Token)));
        try
        {
            await consumers.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync(consumers, handlers);
        }
        finally
        {
            deleter.Complete();
            await deleting;
        }
    }

    private async Task DrainAsync(Task consumers, CancellationTokenSource handlers)
    {
        using var cancelDelay = new CancellationTokenSource();
        var bound = Task.Delay(DrainTimeout, time, cancelDelay.Token);
        if (await Task.WhenAny(consumers, bound) != consumers)
        {
            QueueLog.DrainTimedOut(logger, HandlersInProgress, DrainTimeout);
            await handlers.CancelAsync();
        }

        await cancelDelay.CancelAsync();
        await consumers;
    }

    private async Task ConsumeAsync(ChannelReader<SqsMessage> reader, MessageDeleter deleter, CancellationToken stopping, CancellationToken cancelHandler)
    {
        // Off the caller's stack, so that RunAsync has all consumers before any handler runs.
        await Task.Yield();
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (!stopping.IsCancellationRequested && reader.TryRead(out var message))
                {
                    await HandleAsync(message, deleter, cancelHandler);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Messages left in the channel are returned by the worker, never deleted.
        }
    }

    private async Task HandleAsync(SqsMessage message, MessageDeleter deleter, CancellationToken ct)
    {
        var receiveCount = RetryDelay.ReceiveCount(message);
        QueueOutcome outcome;
        Interlocked.Increment(ref _handling);
        try
        {
            QueueLog.Handling(logger, message.MessageId, receiveCount);
            outcome = await handler.HandleAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            QueueLog.HandlerCancelled(logger, message.MessageId);
            await inFlight.ReturnAsync(message);
            return;
        }
        catch (Exception e)
        {
            QueueLog.HandlerFailed(logger, e, message.MessageId, receiveCount);
            outcome = QueueOutcome.Retry;
        }
        finally
        {
            Interlocked.Decrement(ref _handling);
        }

        // The heartbeat stops first: the visibility change below must not be overwritten by a late extension, and
        // after the last beat at least half a visibility timeout remains for the delete.
        await inFlight.ReleaseAsync(message);
        if (outcome == QueueOutcome.Done)
        {
            deleter.Enqueue(message);
        }
        else
        {
            await RetryLaterAsync(message, receiveCount);
        }
    }

    private async Task RetryLaterAsync(SqsMessage message, int receiveCount)
    {
        var seconds = RetryDelay.Seconds(receiveCount);
        QueueLog.Retrying(logger, message.MessageId, receiveCount, seconds);
        using var deadline = new CallDeadline(CallDeadline.CallTimeout, time, CancellationToken.None);
        try
        {
            await sqs.ChangeVisibilityAsync(message, seconds, deadline.Token);
        }
        catch (Exception e)
        {
            QueueLog.RetryVisibilityFailed(logger, e, message.MessageId);
        }
    }
}
