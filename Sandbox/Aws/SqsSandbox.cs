using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>The SQS side of the sandbox: queues keyed by their exact URL, long polling, visibility, receipt handles, redrive.</summary>
internal sealed partial class SqsSandbox(AwsSandboxOptions options, Func<Uri> serviceUrl, CancellationToken stopping) : IAwsSandboxService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxQueue> _queues = new(StringComparer.Ordinal);
    // Every handle ever issued, so a stale one is told apart from one that was never ours.
    private readonly Dictionary<string, (SandboxQueue Queue, SandboxMessage Message)> _handles = new(StringComparer.Ordinal);

    public string TargetPrefix => "AmazonSQS";

    public string SigningName => "sqs";

    public string ContentType => "application/x-amz-json-1.0";

    public bool QueryCompatible => true;

    public string ErrorNamespace => "com.amazonaws.sqs";

    public SandboxQueue CreateQueue(string name, int visibilityTimeout, string? deadLetterQueueUrl, int maxReceiveCount)
    {
        var url = new Uri(serviceUrl(), $"{options.AccountId}/{name}").ToString();
        lock (_gate)
        {
            if (_queues.TryGetValue(url, out var existing))
                return existing;
            var dlq = deadLetterQueueUrl is null ? null : Queue(deadLetterQueueUrl);
            var queue = new SandboxQueue(name, url, visibilityTimeout, dlq, maxReceiveCount);
            _queues[url] = queue;
            return queue;
        }
    }

    public SandboxQueue Queue(string url)
    {
        lock (_gate)
            return _queues.TryGetValue(url, out var queue) ? queue : throw SqsErrors.QueueDoesNotExist();
    }

    /// <summary>Messages of a queue (visible or in flight), oldest first.</summary>
    public IReadOnlyList<SandboxMessage> Messages(string url)
    {
        lock (_gate)
            return [.. Queue(url).Messages];
    }

    /// <summary>Raised outside the lock after a message was put on a queue: fault scenarios tap the event stream.</summary>
    public event Action<string, string>? Sent;

    public string Send(string url, string body, int delaySeconds = 0)
    {
        string id;
        lock (_gate)
        {
            var queue = Queue(url);
            var now = options.TimeProvider.GetUtcNow();
            var message = new SandboxMessage(body, now, now.AddSeconds(delaySeconds));
            queue.Messages.Add(message);
            queue.SignalChange();
            id = message.MessageId;
        }

        Sent?.Invoke(url, body);
        return id;
    }

    public async Task<JsonObject> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "ReceiveMessage":
                return await ReceiveAsync(body, cancellationToken);
            case "SendMessage":
                var text = body.String("MessageBody");
                if (string.IsNullOrEmpty(text))
                    throw SqsErrors.MissingParameter("MessageBody");
                var delay = body.Int("DelaySeconds") ?? 0;
                if (delay is < 0 or > 900)
                    throw SqsErrors.OutOfRange("DelaySeconds", delay, "0 and 900");
                var id = Send(QueueUrl(body), text, delay);
                lock (_gate)
                    return new JsonObject { ["MessageId"] = id, ["MD5OfMessageBody"] = Queue(QueueUrl(body)).Messages.First(m => m.MessageId == id).Md5OfBody };
            case "GetQueueUrl":
                var name = body.String("QueueName") ?? throw SqsErrors.MissingParameter("QueueName");
                if (body.String("QueueOwnerAWSAccountId") is { } owner && owner != options.AccountId)
                    throw SqsErrors.QueueDoesNotExist();
                lock (_gate)
                    return new JsonObject { ["QueueUrl"] = (_queues.Values.FirstOrDefault(q => q.Name == name) ?? throw SqsErrors.QueueDoesNotExist()).Url };
            default:
                lock (_gate)
                    return HandleLocked(operation, body);
        }
    }

    private JsonObject HandleLocked(string operation, JsonElement body) => operation switch
    {
        "DeleteMessage" => Delete(Queue(QueueUrl(body)), Handle(body)) is { } error ? throw error : [],
        "DeleteMessageBatch" => DeleteBatch(Queue(QueueUrl(body)), body),
        "ChangeMessageVisibilityBatch" => ChangeVisibilityBatch(Queue(QueueUrl(body)), body),
        "ChangeMessageVisibility" => ChangeVisibility(Queue(QueueUrl(body)), Handle(body), body.Int("VisibilityTimeout") ?? throw SqsErrors.MissingParameter("VisibilityTimeout")),
        _ => throw new AwsSandboxError("UnknownOperationException", $"The sandbox does not implement AmazonSQS.{operation}."),
    };

    private static string QueueUrl(JsonElement body) => body.String("QueueUrl") ?? throw SqsErrors.MissingParameter("QueueUrl");

    private static string Handle(JsonElement body) => body.String("ReceiptHandle") ?? throw SqsErrors.MissingParameter("ReceiptHandle");

    private string NewHandle(SandboxQueue queue, SandboxMessage message)
    {
        var handle = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{queue.Name}/{message.MessageId}/{Guid.NewGuid():N}"));
        _handles[handle] = (queue, message);
        return handle;
    }

    private static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
