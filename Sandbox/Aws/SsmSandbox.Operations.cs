using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

internal sealed partial class SsmSandbox
{
    private static readonly string[] Statuses =
        ["Pending", "InProgress", "Waiting", "Success", "TimedOut", "Cancelling", "Cancelled", "Failed", "PendingApproval", "Approved",
         "Rejected", "Scheduled", "RunbookInProgress", "PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved",
         "ChangeCalendarOverrideRejected", "CompletedWithSuccess", "CompletedWithFailure", "Exited"];

    private static readonly string[] FilterKeys =
        ["DocumentNamePrefix", "ExecutionStatus", "ExecutionId", "ParentExecutionId", "CurrentAction", "StartTimeBefore", "StartTimeAfter",
         "AutomationType", "TagKey", "TargetResourceGroup", "AutomationSubtype", "OpsItemId"];

    private static readonly string[] ResourceTypes =
        ["Document", "ManagedInstance", "MaintenanceWindow", "Parameter", "PatchBaseline", "OpsItem", "OpsMetadata", "Automation", "Association"];

    private static readonly string[] SignalTypes = ["Approve", "Reject", "StartStep", "StopStep", "Resume", "Revoke"];

    /// <summary>Sets an execution's status as a test would see AWS move it; a final status also ends its open steps' clock.</summary>
    public void SetStatus(string id, string status)
    {
        if (!Statuses.Contains(status, StringComparer.Ordinal))
            throw new ArgumentException($"Unknown automation status {status}.", nameof(status));
        lock (_gate)
        {
            var execution = Find(id);
            execution.Status = status;
            if (SandboxExecution.IsTerminalStatus(status))
                execution.EndTime ??= options.TimeProvider.GetUtcNow();
        }
    }

    private JsonObject Describe(JsonElement body)
    {
        var max = body.Int("MaxResults") ?? 50;
        if (max is < 1 or > 50)
            throw AwsSandboxError.Validation($"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50");
        IEnumerable<SandboxExecution> rows = _executions.Values;
        foreach (var filter in body.Array("Filters"))
        {
            var key = filter.String("Key") ?? "";
            var values = filter.Strings("Values");
            if (!FilterKeys.Contains(key, StringComparer.Ordinal))
                throw AwsSandboxError.Validation($"1 validation error detected: Value '{key}' at 'filters.member.key' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", FilterKeys)}]");
            if (values.Count is < 1 or > 10)
                throw AwsSandboxError.Validation("1 validation error detected: Value at 'filters.member.values' failed to satisfy constraint: Member must have length between 1 and 10");
            rows = key switch
            {
                "DocumentNamePrefix" => rows.Where(e => values.Any(v => e.Document.Name.StartsWith(v, StringComparison.Ordinal))),
                "ExecutionStatus" when values.All(v => Statuses.Contains(v, StringComparer.Ordinal)) => rows.Where(e => values.Contains(e.Status, StringComparer.Ordinal)),
                "ExecutionStatus" => throw new AwsSandboxError("InvalidFilterValue", $"The filter value is not valid: {string.Join(",", values)}."),
                "ExecutionId" => rows.Where(e => values.Contains(e.Id, StringComparer.Ordinal)),
                _ => throw new AwsSandboxError("InvalidFilterKey", $"The sandbox does not implement the filter key {key}."),
            };
        }

        var offset = ReadNextToken(body.String("NextToken"));
        var ordered = rows.OrderByDescending(e => e.StartTime).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var size = Math.Min(max, options.MaxPageSize);
        var answer = new JsonObject
        {
            ["AutomationExecutionMetadataList"] = new JsonArray([.. ordered.Skip(offset).Take(size).Select(e => (JsonNode)SsmWire.Metadata(e, options))]),
        };
        if (offset + size < ordered.Count)
            answer["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + (offset + size).ToString(CultureInfo.InvariantCulture)));
        return answer;
    }

    private JsonObject ListTags(JsonElement body)
    {
        var execution = TaggedResource(body);
        return new JsonObject { ["TagList"] = SsmWire.TagList(execution.TagStore) };
    }

    private JsonObject AddTags(JsonElement body)
    {
        var execution = TaggedResource(body);
        var tags = ReadTags(body);
        if (tags.Count == 0)
            throw AwsSandboxError.Validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        if (execution.TagStore.Keys.Union(tags.Keys).Count() > MaxTagsPerResource)
            throw new AwsSandboxError("TooManyTagsError", "The Targets parameter includes too many tags. Remove one or more tags and try the command again.");
        foreach (var (key, value) in tags)
            execution.TagStore[key] = value;
        return [];
    }

    private JsonObject Signal(JsonElement body, out Action? after)
    {
        var execution = Find(Required(body, "AutomationExecutionId"));
        var type = Required(body, "SignalType");
        if (!SignalTypes.Contains(type, StringComparer.Ordinal))
            throw AwsSandboxError.Validation($"1 validation error detected: Value '{type}' at 'signalType' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", SignalTypes)}]");
        if (execution.IsTerminal || (type is "Approve" or "Reject" && execution.Status != "Waiting"))
            throw new AwsSandboxError("InvalidAutomationSignalException", $"The signal is not valid for the current Automation execution {execution.Id}.");
        var comment = body.TryGetProperty("Payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.Strings("Comment") : [];
        execution.SignalStore.Add(new SandboxSignal(type, comment, options.TimeProvider.GetUtcNow()));
        after = () => Changed?.Invoke(execution);
        return [];
    }

    private JsonObject Stop(JsonElement body, out Action? after)
    {
        var execution = Find(Required(body, "AutomationExecutionId"));
        var type = body.String("Type") ?? "Cancel";
        if (type is not ("Cancel" or "Complete"))
            throw AwsSandboxError.Validation($"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [Complete, Cancel]");
        if (execution.IsTerminal || execution.Status == "Cancelling")
            throw new AwsSandboxError("InvalidAutomationStatusUpdateException", "The specified update status operation is not valid.");
        execution.Status = "Cancelling";
        if (Started is null)
        {
            // No runner drives this execution: settle the cancellation at once.
            var now = options.TimeProvider.GetUtcNow();
            execution.Status = "Cancelled";
            execution.EndTime = now;
            foreach (var step in execution.Steps.Where(s => s.Status is "InProgress" or "Waiting"))
                (step.Status, step.EndTime) = ("Cancelled", now);
        }

        after = () =>
        {
            execution.Stopping.Cancel();
            Changed?.Invoke(execution);
        };
        return [];
    }

    private JsonObject DescribeDocument(JsonElement body)
    {
        var document = FindDocument(Required(body, "Name"), body.String("DocumentVersion"));
        return new JsonObject { ["Document"] = SsmWire.Document(document, _documents[document.Name], options) };
    }

    private SandboxExecution TaggedResource(JsonElement body)
    {
        var type = Required(body, "ResourceType");
        var id = Required(body, "ResourceId");
        if (!ResourceTypes.Contains(type, StringComparer.Ordinal))
            throw new AwsSandboxError("InvalidResourceType", "The resource type is not valid. For example, if you are attempting to tag an EC2 instance, the instance must be a registered managed node.");
        return type == "Automation" && _executions.TryGetValue(id, out var execution)
            ? execution
            : throw new AwsSandboxError("InvalidResourceId", "The resource ID is not valid. Verify that you entered the correct ID and try again.");
    }

    private static int ReadNextToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }

        throw new AwsSandboxError("InvalidNextToken", "The specified token is not valid.");
    }
}
