namespace SocketDeployer.Core.Aws;

/// <summary>The Amazon SQS calls SocketDeployer makes on its one queue.</summary>
public interface ISqs
{
    /// <summary>ReceiveMessage: long-polls up to <paramref name="waitSeconds"/> (≤ 20) for up to <paramref name="maxMessages"/> (≤ 10); empty when none.</summary>
    Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(int maxMessages, int waitSeconds, int? visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>DeleteMessageBatch; returns the entries SQS reported as Failed (empty when all succeeded).</summary>
    Task<IReadOnlyList<SqsBatchFailure>> DeleteMessagesAsync(IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken);

    /// <summary>ChangeMessageVisibility of one received message.</summary>
    Task ChangeVisibilityAsync(SqsMessage message, int visibilityTimeoutSeconds, CancellationToken cancellationToken);

    /// <summary>GetQueueUrl for a queue name (check-config --online).</summary>
    Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken);
}

/// <summary>A received SQS message with its system attributes (ApproximateReceiveCount, SentTimestamp, …).</summary>
public sealed record SqsMessage(string MessageId, string ReceiptHandle, string Body, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A failed entry of a batch call.</summary>
public sealed record SqsBatchFailure(string MessageId, string Code, string Message, bool SenderFault);
