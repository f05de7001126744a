using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow.Progress;

internal static partial class ProgressLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Execution {ExecutionId} was not started from Slack; event ignored")]
    public static partial void NotOurs(ILogger logger, string executionId);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Stale {Kind} event for {ExecutionId} ignored ({Status} after {Current})")]
    public static partial void Stale(ILogger logger, string kind, string executionId, string status, string current);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Release {ExecutionId} of {Service} ended: {Status}")]
    public static partial void Ended(ILogger logger, string executionId, string service, string status);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Debug, Message = "Event for {ExecutionId} arrived before its start reply was recorded; it comes back shortly")]
    public static partial void WaitingForStartReply(ILogger logger, string executionId);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Deferred status edit of {ExecutionId} failed")]
    public static partial void StatusEditFailed(ILogger logger, string executionId, Exception exception);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Start reply of {ExecutionId} was never recorded; posted a new status message {Ts}")]
    public static partial void StatusMessageRecovered(ILogger logger, string executionId, string ts);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Debug, Message = "The end of step {Step} of {ExecutionId} arrived after the result; shown in the status message only, so the result stays last")]
    public static partial void StepAfterResult(ILogger logger, string executionId, string step);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Information, Message = "A log line of {ExecutionId} arrived after the result; not posted, so the result stays last: {Text}")]
    public static partial void LogLineAfterResult(ILogger logger, string executionId, string text);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Debug, Message = "Deferred status edit of {ExecutionId} dropped: {Why}")]
    public static partial void StatusEditDropped(ILogger logger, string executionId, string why);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Information, Message = "Stopping: {Count} deferred status edit(s) sent now")]
    public static partial void DrainingStatusEdits(ILogger logger, int count);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning, Message = "Stopped before {Count} deferred status edit(s) were sent; each release's next event or its result edits it again")]
    public static partial void StatusEditsLeft(ILogger logger, int count);
}
