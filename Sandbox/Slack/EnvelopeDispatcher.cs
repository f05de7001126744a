using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>Delivers envelopes, watches the ack deadline, and redelivers like Slack (new envelope, retry_attempt+1).</summary>
internal sealed class EnvelopeDispatcher(WorkspaceContext workspace, ConnectionRegistry connections) : IDisposable
{
    private sealed class Attempt(Delivery delivery, string envelopeId, string type, JsonObject payload, int retryAttempt, string retryReason)
    {
        public Delivery Delivery { get; } = delivery;
        public string EnvelopeId { get; } = envelopeId;
        public string Type { get; } = type;
        public JsonObject Payload { get; } = payload;
        public int RetryAttempt { get; } = retryAttempt;
        public string RetryReason { get; } = retryReason;
        public int AckIndex { get; set; } = -1;
        public int ConnectionIndex { get; set; } = -1;
        public bool Acked { get; set; }
        public ITimer? Timer { get; set; }
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Attempt> _attempts = new(StringComparer.Ordinal);
    private readonly List<AckRecord> _acks = [];
    private readonly List<Attempt> _backlog = [];

    public ChangeSignal AcksChanged { get; } = new();

    public IReadOnlyList<AckRecord> Acks
    {
        get
        {
            lock (_gate)
            {
                return [.. _acks];
            }
        }
    }

    public async Task<Delivery> SendAsync(string type, JsonObject payload, int? connectionIndex, int retryAttempt)
    {
        var envelopeId = Guid.NewGuid().ToString("D");
        var delivery = new Delivery(envelopeId);
        var reason = retryAttempt == 0 ? "" : "timeout";
        var attempt = new Attempt(delivery, envelopeId, type, payload.DeepClone().AsObject(), retryAttempt, reason);
        await DeliverAsync(attempt, connectionIndex, avoid: null);
        if (workspace.Faults.TakeDuplicate(type))
        {
            var copy = new Attempt(delivery, Guid.NewGuid().ToString("D"), type, attempt.Payload, retryAttempt + 1, "timeout");
            await DeliverAsync(copy, connectionIndex: null, avoid: attempt.ConnectionIndex);
        }

        return delivery;
    }

    /// <summary>Hello was sent on <paramref name="connection"/>: what waited for a connection goes out on it.</summary>
    public async Task OnReadyAsync(SocketConnection connection)
    {
        List<Attempt> waiting;
        lock (_gate)
        {
            connection.Ready = true;
            waiting = [.. _backlog];
            _backlog.Clear();
        }

        foreach (var attempt in waiting)
        {
            await DeliverAsync(attempt, connection.Index, avoid: null);
        }
    }

    public void OnAck(SocketConnection connection, string envelopeId, JsonObject? responsePayload)
    {
        AckRecord record;
        Delivery delivery;
        lock (_gate)
        {
            if (!_attempts.TryGetValue(envelopeId, out var attempt) || attempt.Acked)
            {
                Log.UnknownAck(workspace.Logger, envelopeId, connection.Index);
                return;
            }

            attempt.Acked = true;
            attempt.Timer?.Dispose();
            delivery = attempt.Delivery;
            var now = workspace.Time.GetUtcNow();
            var previous = _acks[attempt.AckIndex];
            var late = previous.Late || now - previous.DeliveredAt > workspace.Options.AckDeadline;
            record = previous with { AckedAt = now, Late = late, ResponsePayload = responsePayload };
            _acks[attempt.AckIndex] = record;
        }

        if (record.Late)
        {
            Log.LateAck(workspace.Logger, envelopeId, record.Latency!.Value.TotalMilliseconds);
        }

        AcksChanged.Pulse();
        delivery.SetAcked(record);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var attempt in _attempts.Values)
            {
                attempt.Timer?.Dispose();
            }
        }
    }

    private async Task DeliverAsync(Attempt attempt, int? connectionIndex, int? avoid)
    {
        SocketConnection? connection;
        lock (_gate)
        {
            connection = connectionIndex is { } index ? connections.Get(index) : connections.Pick(avoid);
            if (connectionIndex is not null && connection is not { IsOpen: true })
            {
                throw new InvalidOperationException($"Socket Mode connection {connectionIndex} is not open.");
            }

            if (connection is null)
            {
                _backlog.Add(attempt);
                return;
            }

            // Registered before the write: an ack can race the end of SendAsync.
            attempt.ConnectionIndex = connection.Index;
            attempt.AckIndex = _acks.Count;
            _acks.Add(new AckRecord(attempt.EnvelopeId, attempt.Type, attempt.RetryAttempt, connection.Index, workspace.Time.GetUtcNow(), null, false, null));
            _attempts[attempt.EnvelopeId] = attempt;
            attempt.Delivery.AddAttempt(attempt.EnvelopeId);
            attempt.Timer = workspace.Time.CreateTimer(OnDeadline, attempt, workspace.Options.AckDeadline, Timeout.InfiniteTimeSpan);
        }

        AcksChanged.Pulse();
        // A write to a socket that just died is lost, as on a real network: the deadline redelivers it.
        await connection.SendAsync(Envelope(attempt), CancellationToken.None);
    }

    private void OnDeadline(object? state)
    {
        var attempt = (Attempt)state!;
        Attempt? next = null;
        lock (_gate)
        {
            if (attempt.Acked)
            {
                return;
            }

            _acks[attempt.AckIndex] = _acks[attempt.AckIndex] with { Late = true };
            if (!attempt.Delivery.IsAcked && attempt.RetryAttempt < workspace.Options.MaxRetries)
            {
                next = new Attempt(attempt.Delivery, Guid.NewGuid().ToString("D"), attempt.Type, attempt.Payload, attempt.RetryAttempt + 1, "timeout");
            }
        }

        AcksChanged.Pulse();
        Log.AckDeadlineMissed(workspace.Logger, attempt.EnvelopeId, attempt.RetryAttempt, next is not null);
        if (next is not null)
        {
            _ = RedeliverAsync(next, attempt.ConnectionIndex);
        }
    }

    private async Task RedeliverAsync(Attempt next, int avoid)
    {
        try
        {
            await DeliverAsync(next, connectionIndex: null, avoid);
        }
        catch (InvalidOperationException e)
        {
            Log.RedeliveryFailed(workspace.Logger, next.EnvelopeId, e);
        }
    }

    private static JsonObject Envelope(Attempt attempt) => new()
    {
        ["envelope_id"] = attempt.EnvelopeId,
        ["payload"] = attempt.Payload.DeepClone(),
        ["type"] = attempt.Type,
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = attempt.RetryAttempt,
        ["retry_reason"] = attempt.RetryReason,
    };
}
