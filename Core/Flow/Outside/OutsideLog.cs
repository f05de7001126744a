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
}
