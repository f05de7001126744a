using System.Collections.Concurrent;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Queue;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Queue;

/// <summary>A handler whose behaviour each test scripts; records what it was given and what it finished.</summary>
internal sealed class ScriptedQueueHandler : IQueueMessageHandler
{
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentQueue<string> _finished = new();

    /// <summary>The behaviour; by default every message is done at once.</summary>
    public Func<SqsMessage, CancellationToken, Task<QueueOutcome>> Behaviour { get; set; } = (_, _) => Task.FromResult(QueueOutcome.Done);

    /// <summary>Message ids in the order handling started (a redelivery appears again).</summary>
    public IReadOnlyList<string> Started => [.. _started];

    /// <summary>Message ids whose handler returned (any outcome).</summary>
    public IReadOnlyList<string> Finished => [.. _finished];

    /// <summary>Pulses when a handling starts or finishes.</summary>
    public ChangeSignal Changed { get; } = new();

    public async Task<QueueOutcome> HandleAsync(SqsMessage message, CancellationToken ct)
    {
        _started.Enqueue(message.MessageId);
        Changed.Pulse();
        try
        {
            var outcome = await Behaviour(message, ct);
            _finished.Enqueue(message.MessageId);
            return outcome;
        }
        finally
        {
            Changed.Pulse();
        }
    }
}
