using System.Text.Json;

namespace SocketDeployer.Core.Slack;

/// <summary>One Socket Mode envelope, already acknowledged to Slack when a handler sees it.</summary>
/// <param name="EnvelopeId">Slack's id of this delivery; a redelivery of the same event may carry a new one.</param>
/// <param name="Type"><c>events_api</c>, <c>interactive</c> or <c>slash_commands</c>.</param>
/// <param name="Payload">The <c>payload</c> object, detached from the received buffer.</param>
/// <param name="RetryAttempt">0 for a first delivery; Slack counts redeliveries here.</param>
/// <param name="RetryReason">Why Slack redelivered, e.g. <c>timeout</c>; empty or null otherwise.</param>
/// <param name="AcceptsResponsePayload">Whether Slack would take a response payload in the ack (unused: acks are plain).</param>
public sealed record SocketModeEnvelope(
    string EnvelopeId,
    string Type,
    JsonElement Payload,
    int RetryAttempt,
    string? RetryReason,
    bool AcceptsResponsePayload)
{
    /// <summary>The Events API <c>event_id</c> (payload.event_id), stable across redeliveries; null for other types.</summary>
    public string? EventId =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

/// <summary>Receives acknowledged, deduplicated Socket Mode envelopes.</summary>
public interface ISocketModeHandler
{
    /// <summary>Handles one envelope; exceptions are logged and do not affect the connection.</summary>
    ValueTask HandleAsync(SocketModeEnvelope envelope, CancellationToken ct);
}
