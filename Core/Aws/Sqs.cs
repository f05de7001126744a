using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Aws;

/// <summary>The SQS calls of <see cref="ISqs"/> over AWS JSON 1.0, on the one queue Aws:QueueUrl names (sent unchanged).</summary>
public sealed class Sqs : ISqs
{
    /// <summary>Every SQS operation this client calls (for IAM policy checks).</summary>
    public static readonly FrozenSet<string> Operations = new[]
    {
        "ReceiveMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "GetQueueUrl",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxBatch = 10;

    private readonly AwsJsonClient _client;
    private readonly string _queueUrl;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the client from the Aws options: endpoint Aws:SqsServiceUrl, else the region's.</summary>
    public Sqs(IOptions<AwsOptions> options, HttpClient http, IAwsCredentials credentials, TimeProvider time, ILogger<Sqs> logger)
        : this(Create(options.Value, http, credentials, time, logger), QueueUrlOf(options.Value), options.Value.CallTimeout)
    {
    }

    /// <summary>Creates the client over a prepared <see cref="AwsJsonClient"/> (custom retry settings, tests).</summary>
    public Sqs(AwsJsonClient client, string queueUrl, TimeSpan callTimeout)
    {
        _client = client;
        _queueUrl = queueUrl;
        _timeout = callTimeout;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(int maxMessages, int waitSeconds, int? visibilityTimeout, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["QueueUrl"] = _queueUrl,
            ["MaxNumberOfMessages"] = Math.Clamp(maxMessages, 1, 10),
            ["WaitTimeSeconds"] = Math.Clamp(waitSeconds, 0, 20),
            ["MessageSystemAttributeNames"] = new JsonArray("All"),
            ["AttributeNames"] = new JsonArray("All"),
        };
        if (visibilityTimeout is { } visibility)
            body["VisibilityTimeout"] = visibility;
        // The long poll legitimately holds the request for WaitTimeSeconds: the attempt timeout must exceed it.
        var timeout = _timeout + TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, 20));
        var answer = await _client.SendAsync("ReceiveMessage", body, timeout, cancellationToken);
        return [.. answer.Array("Messages").Select(m => new SqsMessage(
            m.RequiredString("MessageId"), m.RequiredString("ReceiptHandle"), m.String("Body") ?? "", m.StringMap("Attributes")))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqsBatchFailure>> DeleteMessagesAsync(IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var failures = new List<SqsBatchFailure>();
        foreach (var chunk in messages.Chunk(MaxBatch))
        {
            // Entry ids only need to be unique within the batch; message ids may hold characters SQS refuses there.
            var entries = new JsonArray();
            for (var i = 0; i < chunk.Length; i++)
                entries.Add(new JsonObject { ["Id"] = EntryId(i), ["ReceiptHandle"] = chunk[i].ReceiptHandle });
            var answer = await _client.SendAsync("DeleteMessageBatch", new JsonObject { ["QueueUrl"] = _queueUrl, ["Entries"] = entries }, _timeout, cancellationToken);
            failures.AddRange(answer.Array("Failed").Select(f => Failure(f, chunk)));
        }

        return failures;
    }

    /// <inheritdoc />
    public Task ChangeVisibilityAsync(SqsMessage message, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["QueueUrl"] = _queueUrl, ["ReceiptHandle"] = message.ReceiptHandle, ["VisibilityTimeout"] = visibilityTimeoutSeconds };
        return _client.SendAsync("ChangeMessageVisibility", body, _timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken)
    {
        var answer = await _client.SendAsync("GetQueueUrl", new JsonObject { ["QueueName"] = queueName }, _timeout, cancellationToken);
        return answer.RequiredString("QueueUrl");
    }

    private static string EntryId(int index) => "m" + index.ToString(CultureInfo.InvariantCulture);

    private static SqsBatchFailure Failure(JsonElement failed, SqsMessage[] chunk)
    {
        var id = failed.String("Id") ?? "";
        var index = id.StartsWith('m') && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < chunk.Length ? i : -1;
        var sender = failed.Member("SenderFault") is { ValueKind: JsonValueKind.True };
        return new SqsBatchFailure(index >= 0 ? chunk[index].MessageId : id, failed.String("Code") ?? "", failed.String("Message") ?? "", sender);
    }

    private static string QueueUrlOf(AwsOptions options) =>
        options.QueueUrl?.OriginalString ?? throw new InvalidOperationException("Aws:QueueUrl: not configured.");

    private static AwsJsonClient Create(AwsOptions options, HttpClient http, IAwsCredentials credentials, TimeProvider time, ILogger logger)
    {
        var region = AwsRegion.Resolve(options.Region);
        var endpoint = options.SqsServiceUrl ?? AwsJsonProtocol.Sqs.RegionalEndpoint(region);
        return new AwsJsonClient(http, AwsJsonProtocol.Sqs, endpoint, region, credentials, time, logger);
    }
}
