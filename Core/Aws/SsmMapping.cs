using Model = Amazon.SimpleSystemsManagement.Model;

namespace SocketDeployer.Core.Aws;

/// <summary>Maps the SDK's SSM shapes onto the domain records of <see cref="ISsm"/>.</summary>
internal static class SsmMapping
{
    public static AutomationExecution Execution(Model.AutomationExecution execution) => new(
        execution.AutomationExecutionId,
        execution.DocumentName ?? "",
        execution.DocumentVersion,
        execution.AutomationExecutionStatus?.Value ?? "",
        Of(execution.ExecutionStartTime),
        Of(execution.ExecutionEndTime),
        execution.FailureMessage,
        execution.CurrentStepName,
        execution.CurrentAction,
        [.. (execution.StepExecutions ?? []).Select(Step)])
    {
        Parameters = (execution.Parameters ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value ?? []], StringComparer.Ordinal),
        ExecutedBy = execution.ExecutedBy,
    };

    /// <summary>The SDK's DateTime as an instant; a value without a kind is UTC (the wire carries epoch seconds).</summary>
    public static DateTimeOffset? Of(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        { } value => new DateTimeOffset(value.ToUniversalTime()),
    };

    private static StepExecution Step(Model.StepExecution step) => new(
        step.StepName ?? "",
        step.Action ?? "",
        step.StepStatus?.Value ?? "",
        step.StepExecutionId,
        Of(step.ExecutionStartTime),
        Of(step.ExecutionEndTime),
        step.FailureMessage,
        step.Inputs ?? new Dictionary<string, string>(StringComparer.Ordinal));
}
