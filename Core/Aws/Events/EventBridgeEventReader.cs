using System.Globalization;
using System.Text.Json;
using static SocketDeployer.Core.Aws.Events.ParseResult;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>Reads the EventBridge events SSM Automation emits (the raw event JSON as the rule delivers it).</summary>
internal static class EventBridgeEventReader
{
    public const string SsmSource = "aws.ssm";
    public const string StepDetailType = "EC2 Automation Step Status-change Notification";
    public const string ExecutionDetailType = "EC2 Automation Execution Status-change Notification";

    public static bool LooksLikeEvent(JsonElement root) =>
        root.Has("source") || root.Has("detail-type") || root.Has("detail");

    public static ParseResult Read(JsonElement root)
    {
        if (!root.TryRequiredString("source", "source", out var source, out var error))
            return new Malformed(error);
        if (!string.Equals(source, SsmSource, StringComparison.Ordinal))
            return new Ignored($"EventBridge source {JsonFields.Quote(source)} is not {SsmSource}");
        if (!root.TryRequiredString("detail-type", "detail-type", out var detailType, out error))
            return new Malformed(error);

        var isStep = string.Equals(detailType, StepDetailType, StringComparison.Ordinal);
        if (!isStep && !string.Equals(detailType, ExecutionDetailType, StringComparison.Ordinal))
            return new Ignored($"aws.ssm detail-type {JsonFields.Quote(detailType)} is not an automation status change");

        if (!root.TryRequiredString("id", "id", out var eventId, out error)
            || !root.TryRequiredString("time", "time", out var timeText, out error))
            return new Malformed(error);
        if (SsmEventTime.ParseIso(timeText) is not { } eventTime)
            return new Malformed($"time {JsonFields.Quote(timeText)} is not an ISO 8601 time");

        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
            return new Malformed("detail is missing or not an object");
        if (!detail.TryRequiredString("ExecutionId", "detail.ExecutionId", out var executionId, out error)
            || !detail.TryRequiredString("Definition", "detail.Definition", out var definition, out error)
            || !detail.TryRequiredString("Status", "detail.Status", out var status, out error))
            return new Malformed(error);
        if (!ExecutionIds.IsValid(executionId))
            return new Malformed($"detail.ExecutionId {JsonFields.Quote(executionId)} is not an execution id");

        var version = DefinitionVersion(detail);
        var start = SsmEventTime.ParseDetailTime(detail.OptionalString("StartTime"));
        var end = SsmEventTime.ParseDetailTime(detail.OptionalString("EndTime"));

        if (!isStep)
            return new Parsed(new ExecutionStatusChanged(executionId, definition, version, status, start, end, eventId, eventTime));

        if (!detail.TryRequiredString("StepName", "detail.StepName", out var stepName, out error)
            || !detail.TryRequiredString("Action", "detail.Action", out var action, out error))
            return new Malformed(error);

        return new Parsed(new StepStatusChanged(executionId, definition, version, stepName, action, status, start, end, eventId, eventTime));
    }

    /// <summary>AWS sends <c>1.0</c> (a number) where the API says "1" (a string): both become "1".</summary>
    private static string? DefinitionVersion(JsonElement detail)
    {
        if (!detail.TryGetProperty("DefinitionVersion", out var member))
            return null;

        if (member.ValueKind == JsonValueKind.String)
            return detail.OptionalString("DefinitionVersion") is { Length: > 0 and <= 64 } text ? text : null;
        if (member.ValueKind != JsonValueKind.Number)
            return null;
        if (member.TryGetInt64(out var whole))
            return whole.ToString(CultureInfo.InvariantCulture);

        var number = member.GetDouble();
        return Math.Floor(number) == number && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : member.GetRawText();
    }
}
