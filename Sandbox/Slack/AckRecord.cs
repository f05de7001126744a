using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>One delivered envelope and what became of its acknowledgement.</summary>
/// <param name="EnvelopeId">The envelope_id sent.</param>
/// <param name="Type">Envelope type (<c>events_api</c>, <c>interactive</c>, …).</param>
/// <param name="RetryAttempt">0 for the first delivery.</param>
/// <param name="ConnectionIndex">The connection it went to (see <see cref="SlackWorkspace.OpenConnectionIndexes"/>).</param>
/// <param name="DeliveredAt">When it was written to the socket.</param>
/// <param name="AckedAt">When the ack arrived, or null.</param>
/// <param name="Late">The deadline passed before the ack arrived (or no ack arrived at all).</param>
/// <param name="ResponsePayload">The ack's optional <c>payload</c>.</param>
public sealed record AckRecord(
    string EnvelopeId,
    string Type,
    int RetryAttempt,
    int ConnectionIndex,
    DateTimeOffset DeliveredAt,
    DateTimeOffset? AckedAt,
    bool Late,
    JsonObject? ResponsePayload)
{
    /// <summary>Time from delivery to ack, or null when not acked.</summary>
    public TimeSpan? Latency => AckedAt - DeliveredAt;
}
