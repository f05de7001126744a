using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>The exit codes of <c>socketdeployer gate</c>: what a pipeline acts on.</summary>
internal static class GateExit
{
    public const int Approved = 0;
    public const int Rejected = 1;
    public const int Error = 2;

    /// <summary>Timed out, cancelled, or the wait was stopped (Ctrl-C, SIGTERM): no decision to act on.</summary>
    public const int NoDecision = 3;
}

/// <summary>How an ended gate execution reads to a pipeline: the exit code and one line saying who decided.</summary>
internal sealed record GateOutcome(int ExitCode, string Line)
{
    /// <summary>Whether <paramref name="tags"/> already say who decided (read until they do, briefly).</summary>
    public static bool Decided(IReadOnlyDictionary<string, string> tags) => tags.ContainsKey(ExecutionTags.DecidedBy);

    public static GateOutcome Of(AutomationExecution execution, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(tags);
        var who = tags.GetValueOrDefault(ExecutionTags.DecidedBy) is { } decidedBy ? DecidedByTag.Describe(decidedBy) : null;
        var kind = ApprovalTags.From(tags).DecisionKind;
        var approvalFailed = execution.Steps.Any(s => s.Action == "aws:approve" && s.Status == "Failed");
        return execution.Status switch
        {
            "Success" or "CompletedWithSuccess" or "Approved" => new(GateExit.Approved, who is null
                ? "Approved outside Slack (the AWS console or another approver of the document): no Slack decision recorded."
                : $"Approved in Slack by {who}."),
            "Rejected" => Rejection(who, execution, tags),
            "Failed" or "CompletedWithFailure" when kind == "rejected" || approvalFailed => Rejection(who, execution, tags),
            "TimedOut" => new(GateExit.NoDecision, "The gate timed out without a decision."),
            "Cancelled" or "Cancelling" => new(GateExit.NoDecision, "The gate was cancelled before a decision."),
            _ => new(GateExit.Error, $"The gate ended {execution.Status}: {execution.FailureMessage ?? "no reason given"}."),
        };
    }

    private static GateOutcome Rejection(string? who, AutomationExecution execution, IReadOnlyDictionary<string, string> tags) =>
        new(GateExit.Rejected, tags.GetValueOrDefault(ExecutionTags.Refused) is { } refused
            ? $"Refused by SocketDeployer: {refused}."
            : who is null
                ? $"Rejected outside Slack: {execution.FailureMessage ?? "no reason given"}."
                : $"Rejected in Slack by {who}.");
}
