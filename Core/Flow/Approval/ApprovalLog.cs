using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Flow.Approval;

internal static partial class ApprovalLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Approval prompt for {ExecutionId} step {StepName} posted as {Ts}")]
    public static partial void Prompted(ILogger logger, string executionId, string stepName, string ts);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "{Decision} of {ExecutionId} by {User}")]
    public static partial void Decided(ILogger logger, string decision, string executionId, string user);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Click on {ExecutionId} by {User} refused: {Reason}")]
    public static partial void ClickRefused(ILogger logger, string executionId, string user, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Approval of {ExecutionId} by {User} recorded: {Count} of {Required}")]
    public static partial void Partial(ILogger logger, string executionId, string user, int count, int required);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Approval step {StepName} of {ExecutionId} rejected: {Reason}")]
    public static partial void RefusedHeld(ILogger logger, string executionId, string stepName, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Debug, Message = "Approval prompt of {ExecutionId} step execution {StepKey} is being posted by another instance (claimed at {Since:O}); its event comes back")]
    public static partial void BeingPrompted(ILogger logger, string executionId, string stepKey, DateTimeOffset since);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Took over the approval prompt of {ExecutionId} step execution {StepKey}, claimed at {Since:O} by an instance that did not post it")]
    public static partial void TookOverPrompt(ILogger logger, string executionId, string stepKey, DateTimeOffset since);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Approval step of {ExecutionId} ended without a Slack decision: {Status}")]
    public static partial void EndedOutsideSlack(ILogger logger, string executionId, string status);
}
