using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Daemon.Workers;

internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Connected to Slack as {User} in {Team}; opening {Connections} Socket Mode connection(s)")]
    public static partial void SlackIdentity(ILogger logger, string user, string team, int connections);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Critical, Message = "Slack refused the bot token ({Hint}); check Slack:BotToken. Stopping (exit 2)")]
    public static partial void BotTokenRejected(ILogger logger, string hint);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Critical, Message = "Slack refused to open a Socket Mode connection ({Hint}); check Slack:AppToken. Stopping (exit 2)")]
    public static partial void AppTokenRejected(ILogger logger, string hint);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Slack is not reachable ({Reason}); attempt {Attempt}, trying again in {Delay}")]
    public static partial void SlackUnreachable(ILogger logger, string reason, int attempt, HumanDuration delay);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Envelope {EnvelopeId} of type {Type} is not for SocketDeployer")]
    public static partial void Skipped(ILogger logger, string envelopeId, string type);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Socket Mode worker stopping")]
    public static partial void Stopping(ILogger logger);

    // Type and message, not the exception: RunVerb ends the process with exit 2, and a stack trace helps no admin.
    [LoggerMessage(EventId = 3005, Level = LogLevel.Critical, Message = "Socket Mode worker failed ({Type}: {Reason}); stopping (exit 2)")]
    public static partial void Crashed(ILogger logger, string type, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Queue message {MessageId} is not for SocketDeployer: {Reason}")]
    public static partial void QueueBodyIgnored(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Queue message {MessageId} cannot be parsed ({Reason}); left for the dead-letter queue")]
    public static partial void QueueBodyMalformed(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Interactive payload {EnvelopeId} is not an approval click; ignored")]
    public static partial void NotAClick(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Slack refused {Method}: {Hint}")]
    public static partial void SlackRefused(ILogger logger, string method, string hint);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "AWS refused the call: {Hint}")]
    public static partial void AwsRefused(ILogger logger, string hint);
}
