using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>SSM's answer shapes (member names as in the service model).</summary>
internal static class SsmWire
{
    public static JsonObject Execution(SandboxExecution execution, AwsSandboxOptions options)
    {
        var current = execution.CurrentStep;
        return new JsonObject
        {
            ["AutomationExecutionId"] = execution.Id,
            ["DocumentName"] = execution.Document.Name,
            ["DocumentVersion"] = execution.Document.Version,
            ["AutomationExecutionStatus"] = execution.Status,
            ["ExecutionStartTime"] = SandboxJson.Epoch(execution.StartTime),
            ["ExecutionEndTime"] = SandboxJson.Epoch(execution.EndTime),
            ["FailureMessage"] = execution.FailureMessage,
            ["Mode"] = "Auto",
            ["ExecutedBy"] = ExecutedBy(options),
            ["CurrentStepName"] = current?.Step.Name,
            ["CurrentAction"] = current?.Step.Action,
            ["Parameters"] = new JsonObject(execution.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToJsonArray()))),
            ["Outputs"] = new JsonObject(),
            ["StepExecutions"] = new JsonArray([.. execution.Steps.Select(s => (JsonNode)Step(s))]),
        };
    }

    public static JsonObject Metadata(SandboxExecution execution, AwsSandboxOptions options) => new()
    {
        ["AutomationExecutionId"] = execution.Id,
        ["DocumentName"] = execution.Document.Name,
        ["DocumentVersion"] = execution.Document.Version,
        ["AutomationExecutionStatus"] = execution.Status,
        ["ExecutionStartTime"] = SandboxJson.Epoch(execution.StartTime),
        ["ExecutionEndTime"] = SandboxJson.Epoch(execution.EndTime),
        ["ExecutedBy"] = ExecutedBy(options),
        ["Mode"] = "Auto",
        ["CurrentStepName"] = execution.CurrentStep?.Step.Name,
        ["CurrentAction"] = execution.CurrentStep?.Step.Action,
        ["AutomationType"] = "Local",
    };

    public static JsonArray TagList(IReadOnlyDictionary<string, string> tags) =>
        [.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })];

    public static JsonObject Document(SandboxDocument document, IReadOnlyList<SandboxDocument> versions, AwsSandboxOptions options) => new()
    {
        ["Name"] = document.Name,
        ["DocumentVersion"] = document.Version,
        ["Status"] = "Active",
        ["DocumentType"] = "Automation",
        ["SchemaVersion"] = "0.3",
        ["DocumentFormat"] = "YAML",
        ["Owner"] = options.AccountId,
        ["DefaultVersion"] = versions[0].Version,
        ["LatestVersion"] = versions[^1].Version,
        ["Parameters"] = new JsonArray([.. (document.Parameters ?? new Dictionary<string, string?>()).Select(p =>
            (JsonNode)new JsonObject { ["Name"] = p.Key, ["Type"] = "String", ["DefaultValue"] = p.Value })]),
    };

    private static JsonObject Step(SandboxStepExecution step) => new()
    {
        ["StepName"] = step.Step.Name,
        ["Action"] = step.Step.Action,
        ["StepStatus"] = step.Status,
        ["StepExecutionId"] = step.StepExecutionId,
        ["ExecutionStartTime"] = SandboxJson.Epoch(step.StartTime),
        ["ExecutionEndTime"] = SandboxJson.Epoch(step.EndTime),
        ["FailureMessage"] = step.FailureMessage,
        ["OnFailure"] = "Abort",
        ["Inputs"] = new JsonObject(step.Step.Inputs.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))),
        ["Outputs"] = new JsonObject(),
    };

    private static string ExecutedBy(AwsSandboxOptions options) => $"arn:aws:sts::{options.AccountId}:assumed-role/socketdeployer/sandbox";
}
