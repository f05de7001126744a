using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Policy.Locks;

internal static partial class LockLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Debug, Message = "Took the lock of {Service} for event {EventTag}")]
    public static partial void Acquired(ILogger logger, string service, string eventTag);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Took over the lock of {Service} from {Requester} (since {Since:O}, execution {ExecutionId}): {Why}")]
    public static partial void TookOver(ILogger logger, string service, string requester, DateTimeOffset since, string? executionId, string why);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Released the lock of {Service} ({Why})")]
    public static partial void Released(ILogger logger, string service, string why);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "The lock of {Service} changed hands before execution {ExecutionId} was recorded on it")]
    public static partial void LostBeforeRecord(ILogger logger, string service, string executionId);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "The lock of {Service} kept changing hands; answering with its holder")]
    public static partial void Contended(ILogger logger, string service);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "The lock of {Service} had no execution recorded; found {ExecutionId} by its event tag")]
    public static partial void FoundByTag(ILogger logger, string service, string executionId);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "The start for event {EventTag} failed, but another delivery of it may still start: the lock of {Service} stays until it records an execution or StartGrace passes")]
    public static partial void KeptAfterFailedStart(ILogger logger, string service, string eventTag);
}
