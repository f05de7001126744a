using SocketDeployer.Core.Commands;
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

    /// <summary>The thread's first reply: the status message later progress edits.</summary>
    public static SlackMessage Following(OutsideExecution outside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        var text = $":eyes: Following execution `{outside.Execution.ExecutionId}` of document `{SlackText.Escape(outside.Execution.DocumentName)}`"
                   + (outside.Requester.Length == 0 ? "; the requester is unknown, so any approver may decide" : "");
        return DeployMessages.Plain(text);
    }

    private static string RequestedBy(OutsideExecution outside) => outside switch
    {
        { Requester.Length: > 0 } => $"<@{outside.Requester}>",
        { RequestedBy: { } named } => $"{SlackText.Escape(named)} (not a Slack user id: unknown to four-eyes)",
        _ => "nobody named (requester unknown)",
    };
}
