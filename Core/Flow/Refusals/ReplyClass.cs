using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Refusals;

/// <summary>Which posting class a command's reply belongs to, told by the outcome audited just before it.</summary>
/// <remarks>Every command path audits first, then replies (<see cref="ReplyContext"/>), so the audited outcome is
/// the one place that already says what the reply is; the classes come from issue 12.</remarks>
public static class ReplyClass
{
    // Refused, but about the state of the world rather than the command: the asker did nothing wrong, so these are
    // answers (the lock message among them), neither sent last nor throttled.
    private static readonly HashSet<string> StateAnswers = new(StringComparer.Ordinal)
    {
        "locked", "lock busy", "already finished", "already cancelling",
    };

    /// <summary>A started release's reply is the release's; a refusal of the command itself is a refusal;
    /// everything else (help, status, lock messages, start or cancel failures) is an answer.</summary>
    public static PostPriority Of(string outcome, string? reason) => outcome switch
    {
        "started" => PostPriority.Release,
        "refused" when reason is null || !StateAnswers.Contains(reason) => PostPriority.Refusal,
        _ => PostPriority.Answer,
    };
}
