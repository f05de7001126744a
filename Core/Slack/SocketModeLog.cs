using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Slack;

/// <summary>Log events of the Socket Mode client; never carries tokens or connection tickets.</summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Socket Mode {Connection} connecting to {Host}")]
    public static partial void Connecting(ILogger logger, string connection, string host);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Socket Mode {Connection} hello; Slack counts {NumConnections} connections")]
    public static partial void Hello(ILogger logger, string connection, int numConnections);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Socket Mode {Connection} disconnect requested: {Reason}")]
    public static partial void DisconnectRequested(ILogger logger, string connection, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Socket Mode {Connection} ended: {Why}")]
    public static partial void Ended(ILogger logger, string connection, string why);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Socket Mode slot {Slot} reconnect attempt {Attempt} in {Delay} after {Why}")]
    public static partial void Reconnecting(ILogger logger, int slot, int attempt, HumanDuration delay, string why);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Debug, Message = "Socket Mode duplicate {EnvelopeId} (event {EventId}, retry {RetryAttempt}) acked and skipped")]
    public static partial void DuplicateSkipped(ILogger logger, string envelopeId, string? eventId, int retryAttempt);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Error, Message = "Socket Mode is disabled for this Slack app (link_disabled); retrying every {Delay}")]
    public static partial void LinkDisabled(ILogger logger, HumanDuration delay);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "Slack refused to open a Socket Mode connection ({Error}); retrying in {Delay}")]
    public static partial void OpenRefused(ILogger logger, string error, HumanDuration delay);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Socket Mode {Connection} close not acknowledged ({Why}); aborted")]
    public static partial void CloseNotAcknowledged(ILogger logger, string connection, string why);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Socket Mode {Connection} received an unparsable message: {Why}")]
    public static partial void Unparsable(ILogger logger, string connection, string why);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Debug, Message = "Socket Mode {Connection} ignored a message of type {Type}")]
    public static partial void Ignored(ILogger logger, string connection, string type);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "Socket Mode handler failed on {EnvelopeId} ({Type})")]
    public static partial void HandlerFailed(ILogger logger, string envelopeId, string type, Exception exception);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Socket Mode slot {Slot}: too many websockets; backing off {Delay}")]
    public static partial void TooManyWebsockets(ILogger logger, int slot, HumanDuration delay);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Information, Message = "Socket Mode {Connection} replaced by {Replacement}")]
    public static partial void Replaced(ILogger logger, string connection, string replacement);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Error, Message = "Socket Mode overloaded: {EnvelopeId} ({Type}) acked but not handled, {Capacity} envelopes already wait ({Overflowed} since start)")]
    public static partial void Overflowed(ILogger logger, string envelopeId, string type, int capacity, long overflowed);

    [LoggerMessage(EventId = 1216, Level = LogLevel.Warning, Message = "Socket Mode {EnvelopeId} ({Type}) not handled: the stop's drain time ran out before a worker reached it")]
    public static partial void SkippedAtStop(ILogger logger, string envelopeId, string type);
}
