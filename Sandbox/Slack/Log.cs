using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Slack;

internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Sandbox Slack: Socket Mode connection {ConnectionIndex} opened ({OpenConnections} open)")]
    public static partial void Connected(ILogger logger, int connectionIndex, int openConnections);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Sandbox Slack: Socket Mode connection {ConnectionIndex} closed")]
    public static partial void Disconnected(ILogger logger, int connectionIndex);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Sandbox Slack: envelope {EnvelopeId} (retry {RetryAttempt}) not acked in time; redelivering: {Redelivering}")]
    public static partial void AckDeadlineMissed(ILogger logger, string envelopeId, int retryAttempt, bool redelivering);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Sandbox Slack: envelope {EnvelopeId} acked late after {LatencyMs} ms")]
    public static partial void LateAck(ILogger logger, string envelopeId, double latencyMs);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Sandbox Slack: ack for unknown or already acked envelope {EnvelopeId} on connection {ConnectionIndex}")]
    public static partial void UnknownAck(ILogger logger, string envelopeId, int connectionIndex);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Sandbox Slack: redelivery of {EnvelopeId} failed")]
    public static partial void RedeliveryFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Sandbox Slack: injected HTTP {HttpStatus} for {Method}")]
    public static partial void InjectedFault(ILogger logger, string method, int httpStatus);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Information, Message = "Sandbox Slack: refused websocket: ticket unknown or already used")]
    public static partial void TicketRefused(ILogger logger);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Debug, Message = "Sandbox Slack: connection {ConnectionIndex} sent a message that is not an ack: {Text}")]
    public static partial void NotAnAck(ILogger logger, int connectionIndex, string text);
}
