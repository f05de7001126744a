using System.Globalization;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>The EventBridge events <c>aws.ssm</c> emits for Automation, in the documented shape.</summary>
internal static class EventBridgeEvents
{
    public const string StepDetailType = "EC2 Automation Step Status-change Notification";
    public const string ExecutionDetailType = "EC2 Automation Execution Status-change Notification";

    public static JsonObject Execution(SandboxExecution execution, AwsSandboxOptions options, DateTimeOffset now)
    {
        var detail = Detail(execution, execution.Status, execution.StartTime, execution.EndTime, now);
        detail["ExecutedBy"] = $"arn:aws:sts::{options.AccountId}:assumed-role/socketdeployer/sandbox";
        return Envelope(ExecutionDetailType, execution, detail, options, now);
    }

    public static JsonObject Step(SandboxExecution execution, SandboxStepExecution step, AwsSandboxOptions options, DateTimeOffset now)
    {
        var detail = Detail(execution, step.Status, step.StartTime ?? now, step.EndTime, now);
        detail["StepName"] = step.Step.Name;
        detail["Action"] = step.Step.Action;
        return Envelope(StepDetailType, execution, detail, options, now);
    }

    private static JsonObject Detail(SandboxExecution execution, string status, DateTimeOffset start, DateTimeOffset? end, DateTimeOffset now)
    {
        var detail = new JsonObject
        {
            ["ExecutionId"] = execution.Id,
            ["Definition"] = execution.Document.Name,
            // EventBridge sends the version as a number (1.0) when it is one.
            ["DefinitionVersion"] = double.TryParse(execution.Document.Version, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number) : JsonValue.Create(execution.Document.Version),
            ["Status"] = status,
            ["StartTime"] = Human(start),
        };
        if (end is { } e)
            detail["EndTime"] = Human(e);
        detail["Time"] = Math.Round(((end ?? now) - start).TotalMilliseconds, 1);
        return detail;
    }

    private static JsonObject Envelope(string detailType, SandboxExecution execution, JsonObject detail, AwsSandboxOptions options, DateTimeOffset now) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = detailType,
        ["source"] = "aws.ssm",
        ["account"] = options.AccountId,
        ["time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = options.Region,
        ["resources"] = new JsonArray(
            $"arn:aws:ssm:{options.Region}:{options.AccountId}:automation-execution/{execution.Id}",
            $"arn:aws:ssm:{options.Region}:{options.AccountId}:automation-definition/{execution.Document.Name}:{execution.Document.Version}"),
        ["detail"] = detail,
    };

    /// <summary>EventBridge's automation times read like <c>Nov 29, 2024 7:43:25 PM</c> (UTC).</summary>
    private static string Human(DateTimeOffset time) => time.UtcDateTime.ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
}
