using System.Globalization;
using SocketDeployer.Core.Aws;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Queue;

/// <summary>
/// An in-memory SQS queue on a test clock: messages have a visibility deadline, a fresh receipt handle per receive
/// and a receive count; stale receipt handles are refused the way SQS refuses them. Long polls wait on the clock.
/// </summary>
internal sealed class FakeSqs(TimeProvider time) : ISqs
{
    private readonly Lock _gate = new();
    private readonly List<Stored> _messages = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _nextId;

    private readonly List<int> _receiveCalls = [];
    private readonly List<(string MessageId, int Seconds, DateTimeOffset At)> _visibilityChanges = [];
    private readonly List<IReadOnlyList<string>> _deleteBatches = [];

    /// <summary>Pulses at every call and every change of a message (tests await it; long polls use their own signal).</summary>
    public ChangeSignal Changed { get; } = new();

    /// <summary>Given the call number (1-based), an error to throw instead of receiving.</summary>
    public Func<int, Exception?> ReceiveFault { get; set; } = _ => null;

    /// <summary>Given a message id, a failure code SQS reports for it in DeleteMessageBatch.</summary>
    public Func<string, string?> DeleteFault { get; set; } = _ => null;

    public string Send(string body)
    {
        lock (_gate)
        {
            var id = "m" + (++_nextId).ToString(CultureInfo.InvariantCulture);
            _messages.Add(new Stored(id, body) { VisibleAt = time.GetUtcNow() });
            Signal();
            return id;
        }
    }

    public bool IsDeleted(string id) => Read(m => m.Single(x => x.Id == id).Deleted);

    public int ReceiveCount(string id) => Read(m => m.Single(x => x.Id == id).ReceiveCount);

    /// <summary>Messages not deleted and visible to a receive now.</summary>
    public int VisibleCount => Read(m => m.Count(x => !x.Deleted && x.VisibleAt <= time.GetUtcNow()));

    /// <summary>Messages received and hidden (in flight).</summary>
    public int InFlightCount => Read(m => m.Count(x => !x.Deleted && x.VisibleAt > time.GetUtcNow()));

    /// <summary>ReceiveMessage calls so far, failed ones included.</summary>
    public int ReceiveCallCount => Read(_ => _receiveCalls.Count);

    /// <summary>The maxMessages of every ReceiveMessage call.</summary>
    public IReadOnlyList<int> ReceiveSizes() => Read(_ => _receiveCalls.ToList());

    public IReadOnlyList<(string MessageId, int Seconds, DateTimeOffset At)> VisibilityChangesOf(string id) =>
        Read(_ => _visibilityChanges.Where(c => c.MessageId == id).ToList());

    public IReadOnlyList<IReadOnlyList<string>> DeleteBatches() => Read(_ => _deleteBatches.ToList());

    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessagesAsync(int maxMessages, int waitSeconds, int? visibilityTimeout, CancellationToken cancellationToken)
    {
        int call;
        lock (_gate)
        {
            _receiveCalls.Add(maxMessages);
            call = _receiveCalls.Count;
        }

        // After the fault is chosen: a test may have its fault hook change what it waits on.
        var fault = ReceiveFault(call);
        Changed.Pulse();
        if (fault is not null)
        {
            throw fault;
        }

        // Re-check every second of test time (visibility lapses, the wait ends) or at once when something changed.
        // The ticking starts before the first check, so a clock advanced at any moment after the call began is seen.
        var until = time.GetUtcNow().AddSeconds(waitSeconds);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        Task<bool>? nextTick = null;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var taken = Take(maxMessages, visibilityTimeout ?? 30);
                if (taken.Count > 0 || time.GetUtcNow() >= until)
                {
                    Changed.Pulse();
                    return taken;
                }

                changed = _changed.Task;
            }

            nextTick ??= tick.WaitForNextTickAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(changed, nextTick) == nextTick)
            {
                nextTick = null;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task<IReadOnlyList<SqsBatchFailure>> DeleteMessagesAsync(IReadOnlyList<SqsMessage> messages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _deleteBatches.Add([.. messages.Select(m => m.MessageId)]);
            var failures = new List<SqsBatchFailure>();
            foreach (var message in messages)
            {
                var stored = _messages.Single(m => m.Id == message.MessageId);
                if (DeleteFault(message.MessageId) is { } code)
                {
                    failures.Add(new SqsBatchFailure(message.MessageId, code, "injected", code != "InternalError"));
                }
                else if (stored.Receipt != message.ReceiptHandle)
                {
                    failures.Add(new SqsBatchFailure(message.MessageId, "ReceiptHandleIsInvalid", "stale receipt handle", true));
                }
                else
                {
                    stored.Deleted = true;
                }
            }

            Changed.Pulse();
            return Task.FromResult<IReadOnlyList<SqsBatchFailure>>(failures);
        }
    }

    public Task ChangeVisibilityAsync(SqsMessage message, int visibilityTimeoutSeconds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _visibilityChanges.Add((message.MessageId, visibilityTimeoutSeconds, time.GetUtcNow()));
            Changed.Pulse();
            var stored = _messages.Single(m => m.Id == message.MessageId);
            if (stored.Deleted || stored.Receipt != message.ReceiptHandle)
            {
                throw new AwsException("ReceiptHandleIsInvalid", "stale receipt handle", 400);
            }

            stored.VisibleAt = time.GetUtcNow().AddSeconds(visibilityTimeoutSeconds);
            Signal();
            return Task.CompletedTask;
        }
    }

    public Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken) =>
        Task.FromResult("https://sqs.test/000000000000/" + queueName);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private List<SqsMessage> Take(int max, int visibilitySeconds)
    {
        var now = time.GetUtcNow();
        var taken = new List<SqsMessage>();
        foreach (var stored in _messages.Where(m => !m.Deleted && m.VisibleAt <= now).Take(max))
        {
            stored.ReceiveCount++;
            stored.Receipt = $"{stored.Id}-receipt-{stored.ReceiveCount}";
            stored.VisibleAt = now.AddSeconds(visibilitySeconds);
            var attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = stored.ReceiveCount.ToString(CultureInfo.InvariantCulture) };
            taken.Add(new SqsMessage(stored.Id, stored.Receipt, stored.Body, attributes));
        }

        return taken;
    }

    private void Signal()
    {
        Changed.Pulse();
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private T Read<T>(Func<List<Stored>, T> read)
    {
        lock (_gate)
        {
            return read(_messages);
        }
    }

    private sealed class Stored(string id, string body)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public int ReceiveCount { get; set; }

        public string? Receipt { get; set; }

        public DateTimeOffset VisibleAt { get; set; }

        public bool Deleted { get; set; }
    }
}
