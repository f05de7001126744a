namespace SocketDeployer.Core.Flow.Releases;

/// <summary>What ties an execution to its Slack thread, read from the execution's tags.</summary>
public sealed record ReleaseInfo(
    string ExecutionId,
    string Channel,
    string ThreadTs,
    string Requester,
    string Service,
    string Version,
    string? StatusTs,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The requester as Slack shows them; empty for an execution started outside Slack that named nobody.</summary>
    /// <remarks>A named requester who could not be resolved is shown with the reason (the tag is tag-safe text: no mrkdwn).</remarks>
    public string RequesterMention => Requester.Length > 0
        ? $"<@{Requester}>"
        : Tags.TryGetValue(ExecutionTags.Unresolved, out var unresolved)
            ? $"an unknown requester ({unresolved})"
            : "an unknown requester (started outside Slack, nobody named)";

    /// <summary>The break-glass reason when it was started with <c>--break-glass</c> during a freeze; null otherwise.</summary>
    public string? BreakGlass => Tags.GetValueOrDefault(ExecutionTags.BreakGlass);

    /// <summary>Null when the execution was not started from Slack (its tags lack the thread, requester or service).</summary>
    public static ReleaseInfo? FromTags(string executionId, IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(ExecutionTags.Thread, out var thread)
            || !tags.TryGetValue(ExecutionTags.Requester, out var requester)
            || !tags.TryGetValue(ExecutionTags.Service, out var service))
        {
            return null;
        }

        var slash = thread.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == thread.Length - 1)
        {
            return null;
        }

        return new ReleaseInfo(
            executionId,
            thread[..slash],
            thread[(slash + 1)..],
            requester,
            service,
            tags.GetValueOrDefault(ExecutionTags.Version, ""),
            tags.GetValueOrDefault(ExecutionTags.StatusTs),
            tags);
    }
}
