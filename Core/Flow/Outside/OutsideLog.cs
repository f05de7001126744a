using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow.Outside;

internal static partial class OutsideLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Debug, Message = "Execution {ExecutionId} of document {Document} was not started from Slack and is not catalogued; ignored")]
    public static partial void NotCatalogued(ILogger logger, string executionId, string document);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Execution {ExecutionId} of {Service} was started outside Slack by {ExecutedBy}; announced in {Channel} as {Ts}")]
    public static partial void Announced(ILogger logger, string executionId, string service, string? executedBy, string channel, string ts);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Gate {ExecutionId} names service '{Service}', which the catalog does not have; nobody in Slack will see it")]
    public static partial void UnknownGateService(ILogger logger, string executionId, string? service);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Debug, Message = "Execution {ExecutionId} is gone from SSM; its event is ignored")]
    public static partial void Gone(ILogger logger, string executionId);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Information, Message = "Execution {ExecutionId} names requester '{RequestedBy}', who could not be resolved ({Why}); any approver may decide")]
    public static partial void RequesterUnresolved(ILogger logger, string executionId, string? requestedBy, string why);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Debug, Message = "Execution {ExecutionId} was announced by another instance in {Channel} as {Ts}")]
    public static partial void AnnouncedElsewhere(ILogger logger, string executionId, string channel, string ts);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Debug, Message = "Execution {ExecutionId} is being announced by another instance (claimed at {Since:O}); its event comes back")]
    public static partial void BeingAnnounced(ILogger logger, string executionId, DateTimeOffset since);

    [LoggerMessage(EventId = 2607, Level = LogLevel.Warning, Message = "Took over the announcement of {ExecutionId}, claimed at {Since:O} by an instance that did not finish it (its thread: {Thread})")]
    public static partial void TookOver(ILogger logger, string executionId, DateTimeOffset since, string? thread);

    [LoggerMessage(EventId = 2608, Level = LogLevel.Warning, Message = "Announcement of {ExecutionId} ({Channel}/{Ts}) was taken over by another instance while this one stalled; that instance finishes it")]
    public static partial void LostClaim(ILogger logger, string executionId, string channel, string ts);
}
