using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Daemon.Queue;

internal static partial class QueueLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Receiving from the queue: {Concurrency} handler(s), visibility {VisibilitySeconds} s, long poll {WaitSeconds} s")]
    public static partial void Starting(ILogger logger, int concurrency, int visibilitySeconds, int waitSeconds);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "First receive from the queue succeeded")]
    public static partial void FirstReceive(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "ReceiveMessage failed ({Reason}; {Failures} in a row); receiving again in {Delay}")]
    public static partial void ReceiveFailed(ILogger logger, string reason, int failures, HumanDuration delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Received {Count} message(s)")]
    public static partial void Received(ILogger logger, int count);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Queue receiver stopping")]
    public static partial void ReceiverStopping(ILogger logger);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "All {Capacity} buffered messages wait for a handler; not receiving until one is taken")]
    public static partial void ChannelFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Handling message {MessageId} (receive #{ReceiveCount})")]
    public static partial void Handling(ILogger logger, string messageId, int receiveCount);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Handling message {MessageId} (receive #{ReceiveCount}) failed; it will be received again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageId, int receiveCount);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Message {MessageId} (receive #{ReceiveCount}) is to be retried in {DelaySeconds} s")]
    public static partial void Retrying(ILogger logger, string messageId, int receiveCount, int delaySeconds);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Could not shorten the visibility of message {MessageId}; it returns after its visibility timeout")]
    public static partial void RetryVisibilityFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Handler of message {MessageId} was cancelled: the shutdown drain bound ran out")]
    public static partial void HandlerCancelled(ILogger logger, string messageId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Deleted {Count} message(s)")]
    public static partial void Deleted(ILogger logger, int count);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "SQS did not delete message {MessageId}: {Code} {Reason} (sender fault: {SenderFault}); it will be handled again")]
    public static partial void DeleteEntryFailed(ILogger logger, string messageId, string code, string reason, bool senderFault);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "SQS did not delete message {MessageId}: {Code}; its visibility lapsed and another receiver got it")]
    public static partial void DeleteReceiptLost(ILogger logger, string messageId, string code);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "DeleteMessageBatch of {Count} message(s) failed ({MessageIds}); they will be handled again")]
    public static partial void DeleteBatchFailed(ILogger logger, Exception exception, int count, string messageIds);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Debug, Message = "Extended the visibility of message {MessageId} by {Seconds} s")]
    public static partial void VisibilityExtended(ILogger logger, string messageId, int seconds);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Warning, Message = "Extending the visibility of message {MessageId} failed; trying again at the next heartbeat")]
    public static partial void VisibilityExtendFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning, Message = "Message {MessageId} is no longer ours ({Code}): its visibility lapsed and another receiver may handle it too")]
    public static partial void VisibilityLost(ILogger logger, string messageId, string code);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Warning, Message = "{Count} handler(s) still running after the {Timeout} drain bound; cancelling them")]
    public static partial void DrainTimedOut(ILogger logger, int count, HumanDuration timeout);

    [LoggerMessage(EventId = 4019, Level = LogLevel.Information, Message = "Returned {Count} unhandled message(s) to the queue")]
    public static partial void Abandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "Could not return message {MessageId} to the queue at once; it returns after its visibility timeout")]
    public static partial void AbandonFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Queue worker stopped")]
    public static partial void Stopped(ILogger logger);
}
