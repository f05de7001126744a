namespace SocketDeployer.Sandbox.Slack;

/// <summary>An envelope the workspace is delivering, with its redeliveries.</summary>
public sealed class Delivery
{
    private readonly TaskCompletionSource<AckRecord> _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _redelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _envelopeIds = [];

    internal Delivery(string envelopeId) => EnvelopeId = envelopeId;

    /// <summary>The first attempt's envelope_id (each redelivery gets a new one, see <see cref="EnvelopeIds"/>).</summary>
    public string EnvelopeId { get; }

    /// <summary>Completes with the ack of whichever attempt was acknowledged first.</summary>
    public Task<AckRecord> Acked => _acked.Task;

    /// <summary>Completes with the envelope_id of the first redelivery.</summary>
    public Task<string> Redelivered => _redelivered.Task;

    /// <summary>Every attempt's envelope_id, first to last.</summary>
    public IReadOnlyList<string> EnvelopeIds
    {
        get
        {
            lock (_envelopeIds)
            {
                return [.. _envelopeIds];
            }
        }
    }

    internal bool IsAcked => _acked.Task.IsCompleted;

    internal void AddAttempt(string envelopeId)
    {
        bool isRetry;
        lock (_envelopeIds)
        {
            _envelopeIds.Add(envelopeId);
            isRetry = _envelopeIds.Count > 1;
        }

        if (isRetry)
        {
            _redelivered.TrySetResult(envelopeId);
        }
    }

    internal void SetAcked(AckRecord record) => _acked.TrySetResult(record);
}
