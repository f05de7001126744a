using System.Security.Cryptography;
using System.Text;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>A message as the sandbox queue holds it.</summary>
public sealed class SandboxMessage
{
    internal SandboxMessage(string body, DateTimeOffset sent, DateTimeOffset visibleAt)
    {
        Body = body;
        SentTimestamp = sent;
        VisibleAt = visibleAt;
#pragma warning disable CA5351 // SQS's MD5OfBody is MD5 by protocol; it is a checksum here, not security.
        Md5OfBody = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
    }

    public string MessageId { get; } = Guid.NewGuid().ToString();

    public string Body { get; }

    public string Md5OfBody { get; }

    public DateTimeOffset SentTimestamp { get; }

    /// <summary>ApproximateReceiveCount.</summary>
    public int ReceiveCount { get; internal set; }

    public DateTimeOffset? FirstReceiveTimestamp { get; internal set; }

    /// <summary>When the message may be received (again).</summary>
    public DateTimeOffset VisibleAt { get; internal set; }

    /// <summary>The receipt handle of the latest receive; earlier ones are invalid.</summary>
    public string? ReceiptHandle { get; internal set; }
}

/// <summary>A sandbox SQS queue: messages, visibility, redrive. Guarded by the SQS sandbox's lock.</summary>
public sealed class SandboxQueue
{
    internal SandboxQueue(string name, string url, int visibilityTimeout, SandboxQueue? deadLetterQueue, int maxReceiveCount)
    {
        Name = name;
        Url = url;
        VisibilityTimeout = visibilityTimeout;
        DeadLetterQueue = deadLetterQueue;
        MaxReceiveCount = maxReceiveCount;
    }

    public string Name { get; }

    /// <summary>The QueueUrl callers must send, matched exactly.</summary>
    public string Url { get; }

    /// <summary>Default visibility timeout in seconds.</summary>
    public int VisibilityTimeout { get; }

    /// <summary>Where messages go after <see cref="MaxReceiveCount"/> receives, if anywhere.</summary>
    public SandboxQueue? DeadLetterQueue { get; }

    public int MaxReceiveCount { get; }

    internal List<SandboxMessage> Messages { get; } = [];

    /// <summary>Completed and replaced whenever a message is added or made visible, to wake long polls.</summary>
    internal TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void SignalChange()
    {
        var changed = Changed;
        Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
