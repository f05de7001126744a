using System.Collections.Frozen;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>
/// The SSM Automation status vocabulary (AutomationExecutionStatus, also used for StepStatus), and the order
/// that lets a late, older event be told apart from news: events arrive out of order and more than once.
/// </summary>
public static class AutomationStatus
{
    /// <summary>Rank of statuses not in the vocabulary: a status AWS adds later most likely describes a started execution.</summary>
    private const int UnknownRank = 2;

    private static readonly FrozenDictionary<string, int> Ranks = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["Pending"] = 1,
        ["Scheduled"] = 1,
        ["PendingApproval"] = 2,
        ["PendingChangeCalendarOverride"] = 2,
        ["ChangeCalendarOverrideApproved"] = 2,
        ["Approved"] = 2,
        ["RunbookInProgress"] = 2,
        ["InProgress"] = 2,
        ["Waiting"] = 2,
        // Only an execution that was running can be cancelling; nothing but its end follows.
        ["Cancelling"] = 3,
        ["Success"] = 4,
        ["Failed"] = 4,
        ["TimedOut"] = 4,
        ["Cancelled"] = 4,
        ["Rejected"] = 4,
        ["ChangeCalendarOverrideRejected"] = 4,
        ["CompletedWithSuccess"] = 4,
        ["CompletedWithFailure"] = 4,
        ["Exited"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="status"/> is one SSM documents (compared ignoring case).</summary>
    public static bool IsKnown(string? status) => status is not null && Ranks.ContainsKey(status);

    /// <summary>Whether the execution or step has ended (Success, Failed, TimedOut, Cancelled, Rejected, CompletedWith…, Exited, ChangeCalendarOverrideRejected).</summary>
    public static bool IsTerminal(string? status) => Rank(status) == 4;

    /// <summary>Whether the execution or step has started and not ended (InProgress, Waiting, PendingApproval, Cancelling, …); also true for unknown statuses.</summary>
    public static bool IsRunning(string? status) => Rank(status) is 2 or 3;

    /// <summary>
    /// Orders statuses by how far along they are: 0 for none, 1 Pending/Scheduled, 2 running or waiting (and unknown
    /// statuses), 3 Cancelling, 4 terminal. A status of lower rank than the one already known is older news.
    /// </summary>
    public static int Rank(string? status) =>
        string.IsNullOrEmpty(status) ? 0 : Ranks.GetValueOrDefault(status, UnknownRank);

    /// <summary>
    /// Whether <paramref name="incoming"/> may replace <paramref name="current"/>: never once terminal, never by a
    /// lower rank. Equal ranks (Waiting ↔ InProgress) replace each other; order those by event time if it matters.
    /// </summary>
    public static bool Supersedes(string incoming, string? current) =>
        !IsTerminal(current) && Rank(incoming) >= Rank(current);
}
