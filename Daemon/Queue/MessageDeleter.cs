using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// Deletes handled messages with DeleteMessageBatch. Batches form by themselves: whatever was handled while the
/// previous call was in flight goes in the next one (up to 10), so a lone message is deleted at once and a burst
/// costs one call per ten.
/// </summary>
internal sealed class MessageDeleter(ISqs sqs, TimeProvider time, ILogger logger)
{
    public const int MaxBatch = 10;

    private readonly Channel<SqsMessage> _pending = Channel.CreateUnbounded<SqsMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a handled message for deletion.</summary>
    public void Enqueue(SqsMessage message) => _pending.Writer.TryWrite(message);

    /// <summary>No more messages will come: <see cref="RunAsync"/> deletes those queued, then ends.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    /// <summary>Deletes until completed and drained. Each call is bounded; nothing here is cancelled by a shutdown,
    /// since a handled message left undeleted would be handled twice.</summary>
    public async Task RunAsync()
    {
        var batch = new List<SqsMessage>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            await DeleteAsync(batch);
            batch.Clear();
        }
    }

    private async Task DeleteAsync(List<SqsMessage> batch)
    {
        using var deadline = new CallDeadline(CallDeadline.CallTimeout, time, CancellationToken.None);
        try
        {
            var failures = await sqs.DeleteMessagesAsync([.. batch], deadline.Token);
            foreach (var failure in failures)
            {
                if (SqsErrors.IsReceiptLost(failure.Code))
                {
                    QueueLog.DeleteReceiptLost(logger, failure.MessageId, failure.Code);
                }
                else
                {
                    QueueLog.DeleteEntryFailed(logger, failure.MessageId, failure.Code, failure.Message, failure.SenderFault);
                }
            }

            QueueLog.Deleted(logger, batch.Count - failures.Count);
        }
        catch (Exception e)
        {
            // The handler's effect already reached Slack: redelivery costs a duplicate the handler must absorb.
            QueueLog.DeleteBatchFailed(logger, e, batch.Count, string.Join(", ", batch.Select(m => m.MessageId)));
        }
    }
}
