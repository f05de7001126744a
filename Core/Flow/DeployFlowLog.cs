using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow;

internal static partial class DeployFlowLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Ignored event {EventId} in {Channel}: {Why}")]
    public static partial void Ignored(ILogger logger, string eventId, string channel, string why);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Refused {Command} from {User} in {Channel}: {Reason}")]
    public static partial void Refused(ILogger logger, string command, string user, string channel, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Started {Service} {Version} for {User}: execution {ExecutionId}")]
    public static partial void Started(ILogger logger, string service, string version, string user, string executionId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Event {EventId} already started execution {ExecutionId}; nothing new to say")]
    public static partial void AlreadyStarted(ILogger logger, string eventId, string executionId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Event {EventId} reused a ClientToken with different parameters ({Code}); treated as already started")]
    public static partial void TokenMismatch(ILogger logger, string eventId, string code);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Could not start {Service} for {User}: {Code}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string service, string user, string code);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Handling event {EventId} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Deploy of {Service} by {User} asked to break glass outside any freeze; deployed as usual")]
    public static partial void BreakGlassIgnored(ILogger logger, string service, string user);
}
