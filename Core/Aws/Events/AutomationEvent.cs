namespace SocketDeployer.Core.Aws.Events;

/// <summary>A fact about one SSM Automation execution, read from a body on SocketDeployer's queue.</summary>
/// <param name="ExecutionId">The automation execution id (a UUID), the key to the execution's tags.</param>
public abstract record AutomationEvent(string ExecutionId);

/// <summary>EventBridge <c>EC2 Automation Step Status-change Notification</c>.</summary>
/// <param name="DefinitionVersion">The runbook version as text ("1"), whether AWS sent a number or a string.</param>
/// <param name="StartTime">The step's start, when AWS sent a readable one (treated as UTC).</param>
/// <param name="EndTime">The step's end, when AWS sent a readable one (treated as UTC).</param>
/// <param name="EventId">The EventBridge event id, for deduplication.</param>
/// <param name="EventTime">The EventBridge event time.</param>
public sealed record StepStatusChanged(
    string ExecutionId,
    string Definition,
    string? DefinitionVersion,
    string StepName,
    string Action,
    string Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string EventId,
    DateTimeOffset EventTime) : AutomationEvent(ExecutionId);

/// <summary>EventBridge <c>EC2 Automation Execution Status-change Notification</c>.</summary>
/// <param name="DefinitionVersion">The runbook version as text ("1"), whether AWS sent a number or a string.</param>
/// <param name="EventId">The EventBridge event id, for deduplication.</param>
/// <param name="EventTime">The EventBridge event time.</param>
public sealed record ExecutionStatusChanged(
    string ExecutionId,
    string Definition,
    string? DefinitionVersion,
    string Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string EventId,
    DateTimeOffset EventTime) : AutomationEvent(ExecutionId);

/// <summary>
/// An SNS notification published by an <c>aws:approve</c> step. Its text is not documented, so it only says
/// "look at this execution": confirm with GetAutomationExecution before prompting.
/// </summary>
/// <param name="Message">The notification text, capped at <see cref="AutomationEventParser.MaxTextLength"/> characters.</param>
public sealed record ApprovalRequested(string ExecutionId, string? Message) : AutomationEvent(ExecutionId);

/// <summary>A <c>{"socketdeployer":1,"executionId":…,"text":…}</c> line a runbook step sent for the release thread.</summary>
/// <param name="Text">The line, capped at <see cref="AutomationEventParser.MaxTextLength"/> characters.</param>
public sealed record LogLine(string ExecutionId, string Text) : AutomationEvent(ExecutionId);
