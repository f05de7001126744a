using SocketDeployer.Core.Aws;

namespace SocketDeployer.Daemon.Queue;

/// <summary>What became of one queue message.</summary>
public enum QueueOutcome
{
    /// <summary>Its effect reached Slack (or it needs none): delete it.</summary>
    Done,

    /// <summary>Not handled now: leave it on the queue; after a short backoff it is received again, and after the
    /// queue's maxReceiveCount its redrive policy moves it to the dead-letter queue.</summary>
    Retry,
}

/// <summary>Applies one SQS message (an EventBridge event, an SNS notification, a log line) to Slack.</summary>
/// <remarks>
/// Up to <see cref="QueueOptions.Concurrency"/> messages are handled at once, in the order they were received but
/// finishing in any order; SQS itself guarantees no order and delivers at least once. Messages about the same
/// execution must therefore be serialized by the handler (a per-execution lock), and every effect must be
/// idempotent: a message whose delete failed, or whose visibility lapsed, is handled again.
/// </remarks>
public interface IQueueMessageHandler
{
    /// <summary>Handles <paramref name="message"/>; an exception counts as <see cref="QueueOutcome.Retry"/>.</summary>
    /// <param name="message">The received message; its visibility is kept extended while this runs.</param>
    /// <param name="ct">Cancelled only when a shutdown's drain bound ran out.</param>
    Task<QueueOutcome> HandleAsync(SqsMessage message, CancellationToken ct);
}
