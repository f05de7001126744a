using System.Collections.Frozen;
using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws;

/// <summary>The SQS calls of <see cref="ISqs"/> over the AWS SDK, on the one queue Aws:QueueUrl names (sent unchanged).</summary>
public sealed class Sqs : ISqs, IDisposable
{
    /// <summary>Every SQS operation this client calls (for IAM policy checks).</summary>
    public static readonly FrozenSet<string> Operations = new[]
    {
        "ReceiveMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "GetQueueUrl",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest long poll SQS allows; the poll client's attempt timeout exceeds it.</summary>
    public static readonly TimeSpan MaxLongPoll = TimeSpan.FromSeconds(20);

    private const int MaxBatch = 10;
    private static readonly List<string> AllAttributes = ["All"];

    private readonly IAmazonSQS _calls;
    private readonly IAmazonSQS _poll;
    private readonly string _queueUrl;

    /// <summary>Creates the clients from the Aws options: endpoint Aws:SqsServiceUrl, else the region's; the SDK's credential chain unless <paramref name="credentials"/> is given.</summary>
    public Sqs(IOptions<AwsOptions> options, ILogger<Sqs> logger, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var aws = options.Value;
        var region = AwsSdkClients.Region(aws);
        // One ClientConfig.Timeout per client: the long poll legitimately holds its request for up to 20 s, so it gets
        // a client of its own whose attempts may last that much longer than Aws:CallTimeout.
        _calls = new LoggedSqsClient(credentials, AwsSdkClients.Configure(new AmazonSQSConfig(), aws.SqsServiceUrl, region, aws.CallTimeout), logger);
        _poll = new LoggedSqsClient(credentials, AwsSdkClients.Configure(new AmazonSQSConfig(), aws.SqsServiceUrl, region, aws.CallTimeout + MaxLongPoll), logger);
        _queueUrl = aws.QueueUrl?.OriginalString ?? throw new InvalidOperationException("Aws:QueueUrl: not configured.");
    }

    /// <summary>Creates the client over prepared SDK clients (tests): <paramref name="poll"/> serves ReceiveMessage.</summary>
    public Sqs(IAmazonSQS calls, IAmazonSQS poll, string queueUrl)
    {
        _calls = calls;
        _poll = poll;
        _queueUrl = queueUrl;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(int maxMessages, int waitSeconds, int? visibilityTimeout, CancellationToken cancellationToken)
    {
        var request = new ReceiveMessageRequest
        {
            QueueUrl = _queueUrl,
            MaxNumberOfMessages = Math.Clamp(maxMessages, 1, 10),
            WaitTimeSeconds = Math.Clamp(waitSeconds, 0, 20),
            MessageSystemAttributeNames = AllAttributes,
            VisibilityTimeout = visibilityTimeout,
        };
        var answer = await AwsSdkCall.RunAsync(() => _poll.ReceiveMessageAsync(request, cancellationToken));
        // The SDK answers null, not empty, when no message came.
        return [.. (answer.Messages ?? []).Select(m => new SqsMessage(
            m.MessageId, m.ReceiptHandle, m.Body ?? "", m.Attributes ?? new Dictionary<string, string>(StringComparer.Ordinal)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqsBatchFailure>> DeleteMessagesAsync(IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var failures = new List<SqsBatchFailure>();
        foreach (var chunk in messages.Chunk(MaxBatch))
        {
            // Entry ids only need to be unique within the batch; message ids may hold characters SQS refuses there.
            var request = new DeleteMessageBatchRequest
            {
                QueueUrl = _queueUrl,
                Entries = [.. chunk.Select((m, i) => new DeleteMessageBatchRequestEntry(EntryId(i), m.ReceiptHandle))],
            };
            var answer = await AwsSdkCall.RunAsync(() => _calls.DeleteMessageBatchAsync(request, cancellationToken));
            failures.AddRange((answer.Failed ?? []).Select(f => Failure(f, chunk)));
        }

        return failures;
    }

    /// <inheritdoc />
    public Task ChangeVisibilityAsync(SqsMessage message, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = new ChangeMessageVisibilityRequest(_queueUrl, message.ReceiptHandle, visibilityTimeoutSeconds);
        return AwsSdkCall.RunAsync(() => _calls.ChangeMessageVisibilityAsync(request, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken)
    {
        var answer = await AwsSdkCall.RunAsync(() => _calls.GetQueueUrlAsync(new GetQueueUrlRequest(queueName), cancellationToken));
        return answer.QueueUrl;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _calls.Dispose();
        _poll.Dispose();
    }

    private static string EntryId(int index) => "m" + index.ToString(CultureInfo.InvariantCulture);

    private static SqsBatchFailure Failure(BatchResultErrorEntry failed, SqsMessage[] chunk)
    {
        var id = failed.Id ?? "";
        var index = id.StartsWith('m') && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < chunk.Length ? i : -1;
        return new SqsBatchFailure(index >= 0 ? chunk[index].MessageId : id, failed.Code ?? "", failed.Message ?? "", failed.SenderFault == true);
    }
}
