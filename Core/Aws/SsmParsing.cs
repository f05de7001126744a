using System.Text.Json;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Aws;

/// <summary>Maps SSM's wire shapes onto the domain records of <see cref="ISsm"/>.</summary>
internal static class SsmParsing
{
    public static AutomationExecution Execution(JsonElement execution) => new(
        execution.RequiredString("AutomationExecutionId"),
        execution.String("DocumentName") ?? "",
        execution.String("DocumentVersion"),
        execution.String("AutomationExecutionStatus") ?? "",
        execution.EpochSeconds("ExecutionStartTime"),
        execution.EpochSeconds("ExecutionEndTime"),
        execution.String("FailureMessage"),
        execution.String("CurrentStepName"),
        execution.String("CurrentAction"),
        [.. execution.Array("StepExecutions").Select(Step)]);

    private static StepExecution Step(JsonElement step) => new(
        step.String("StepName") ?? "",
        step.String("Action") ?? "",
        step.String("StepStatus") ?? "",
        step.String("StepExecutionId"),
        step.EpochSeconds("ExecutionStartTime"),
        step.EpochSeconds("ExecutionEndTime"),
        step.String("FailureMessage"),
        step.StringMap("Inputs"));
}
