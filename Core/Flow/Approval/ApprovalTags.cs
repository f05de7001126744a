using System.Globalization;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>The approval's state as kept in the execution's tags, so every instance sees the same prompt,
/// the same partial approvals and the same decision. Values keep to SSM's tag alphabet (letters, digits,
/// spaces and <c>_ . : / = + - @</c>), and carry the step they belong to, so a later approval step starts clean.</summary>
public sealed record ApprovalTags(string? PromptStep, string? PromptTs, IReadOnlyList<string> Approvals, string? DecisionKind, IReadOnlyList<string> DecidedBy)
{
    public static ApprovalTags From(IReadOnlyDictionary<string, string> tags)
    {
        string? step = null, ts = null;
        if (tags.TryGetValue(ExecutionTags.Prompt, out var prompt) && prompt.IndexOf('@', StringComparison.Ordinal) is > 0 and var at)
        {
            step = prompt[..at];
            ts = prompt[(at + 1)..];
        }

        IReadOnlyList<string> approvals = [];
        if (tags.TryGetValue(ExecutionTags.Approvals, out var list) && list.Split('/') is [var forStep, var users] && forStep == step)
        {
            approvals = users.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        string? kind = null;
        IReadOnlyList<string> decidedBy = [];
        if (tags.TryGetValue(ExecutionTags.Decision, out var decision) && decision.Split('/') is [var decidedStep, var k, var who, _] && decidedStep == step)
        {
            kind = k;
            decidedBy = who.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        return new ApprovalTags(step, ts, approvals, kind, decidedBy);
    }

    public static string ApprovalsValue(string step, IEnumerable<string> users) => $"{step}/{string.Join(' ', users)}";

    /// <summary>kind: approved, rejected or ended.</summary>
    public static string DecisionValue(string step, string kind, IEnumerable<string> users, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{step}/{kind}/{string.Join(' ', users)}/{at.ToUnixTimeSeconds()}");

    /// <summary>The aws:approve step that is waiting now, if the execution is waiting on one.</summary>
    public static StepExecution? WaitingApprovalStep(AutomationExecution execution) =>
        Aws.Events.AutomationStatus.IsTerminal(execution.Status)
            ? null
            : execution.Steps.FirstOrDefault(s => s.Action == "aws:approve" && s.Status is "Waiting" or "InProgress" or "Pending" && s.StartTime is not null);

    /// <summary>The document's Message input of an aws:approve step (Inputs values are JSON-encoded).</summary>
    public static string? MessageOf(StepExecution step)
    {
        if (!step.Inputs.TryGetValue("Message", out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(raw, Json.CoreJsonContext.Default.String);
        }
        catch (System.Text.Json.JsonException)
        {
            return raw;
        }
    }
}
