using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>The announcement of an execution started outside Slack, and its thread's first reply, as pure functions.</summary>
public static class OutsideMessages
{
    /// <summary>The top-level message: what, which version or summary, who started it and who asks.</summary>
    public static SlackMessage Announcement(OutsideExecution outside, Uri console)
    {
        ArgumentNullException.ThrowIfNull(outside);
        var service = outside.Service;
        var text = outside.IsGate
            ? $":vertical_traffic_light: A pipeline asks to change *{service.Name}*: {SlackText.Escape(outside.Summary ?? "(no summary)", 1000)}"
            : $":rocket: *{service.Name}* `{SlackText.Escape(outside.Version)}` was started outside Slack";
        var link = outside.Link is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $" · <{uri.AbsoluteUri}|Link>"
            : outside.Link is { } other ? $" · link: {SlackText.Escape(other)}" : "";
        var context = $"requested by {RequestedBy(outside)} · started by `{SlackText.Escape(outside.ExecutedBy ?? "an unknown principal")}`{link}"
                      + $" · execution `{outside.Execution.ExecutionId}` · <{console}|Open in the AWS console>";
        return new SlackMessage($"{text}\n{context}", BlockKit.Blocks(BlockKit.Section(text), BlockKit.Context(context)));
    }

    /// <summary>What the approval prompt says of a named requester who could not be resolved (the unresolved tag).</summary>
    public static string? UnresolvedTag(OutsideExecution outside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        return outside is { Requester.Length: 0, RequestedBy: { } named, Unresolved: { } why }
            ? TagText.Of($"{named} could not be resolved: {why}")
            : null;
    }

    /// <summary>The thread's first reply: the status message later progress edits.</summary>
    public static SlackMessage Following(OutsideExecution outside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        var text = $":eyes: Following execution `{outside.Execution.ExecutionId}` of document `{SlackText.Escape(outside.Execution.DocumentName)}`"
                   + outside switch
                   {
                       { Requester.Length: > 0 } => "",
                       { RequestedBy: { } named, Unresolved: { } why } =>
                           $"; the requester {SlackText.Escape(named)} could not be resolved ({SlackText.Escape(why)}), so the requester is unknown and any approver may decide",
                       _ => "; no requester was named, so the requester is unknown and any approver may decide",
                   };
        return DeployMessages.Plain(text);
    }

    private static string RequestedBy(OutsideExecution outside) => outside switch
    {
        { Requester.Length: > 0, RequestedBy: { } named } when named != outside.Requester => $"<@{outside.Requester}> ({SlackText.Escape(named)})",
        { Requester.Length: > 0 } => $"<@{outside.Requester}>",
        { RequestedBy: { } named } => $"{SlackText.Escape(named)} (could not be resolved: {SlackText.Escape(outside.Unresolved ?? "unknown to Slack")}; unknown to four-eyes)",
        _ => "nobody named (requester unknown)",
    };
}
