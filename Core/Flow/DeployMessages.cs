using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>The messages of the request path, as pure functions of what happened.</summary>
public static class DeployMessages
{
    /// <param name="breakGlass">The reason of a release that breaks glass during a freeze; null for an ordinary one.</param>
    /// <param name="changes">What the release changes: the live version and comparison link, or the rollback it is.</param>
    public static SlackMessage Started(ServiceDefinition service, string version, string user, string executionId, Uri console, string? breakGlass = null, ReleaseChanges? changes = null)
    {
        var started = changes?.IsRollback == true
            ? $":rewind: <@{user}> started a rollback of *{service.Name}* {ChangeMessages.FromTo(changes)} — execution `{executionId}`"
            : $":rocket: <@{user}> started *{service.Name}* `{SlackText.Escape(version)}` — execution `{executionId}`";
        var text = started
                   + (breakGlass is null ? "" : $"\n:rotating_light: Break-glass during a freeze: {SlackText.Escape(breakGlass, 200)}. It needs one approval more, from a break-glass approver.");
        return new SlackMessage(
            text,
            BlockKit.Blocks(
                BlockKit.Section(text),
                changes is null ? null : BlockKit.Context(ChangeMessages.Details(changes)),
                BlockKit.Context($"{service.Description} · document `{service.Document}` v{service.DocumentVersion} · <{console}|Open in the AWS console>")));
    }

    public static SlackMessage LockHeld(ServiceDefinition service, RunningRelease running, Uri console)
    {
        var who = running.Requester is { } requester ? $"<@{requester}>" : "someone outside Slack";
        var what = running.Version is { } version ? $" `{SlackText.Escape(version)}`" : "";
        var text = $":lock: *{service.Name}* is already being deployed{what} by {who} " +
                   $"(execution <{console}|`{running.Execution.ExecutionId}`>, {running.Execution.Status}). " +
                   "Wait for it to finish, or cancel it first.";
        return Plain(text);
    }

    public static SlackMessage CommandError(string reason, string usage) => Plain($":warning: {reason}\n{usage}");

    public static SlackMessage UnknownService(string typed, IReadOnlyCollection<string> names, string usage) =>
        CommandError(Sentence(ServiceSuggestion.DescribeUnknown(typed, names)), usage);

    public static SlackMessage VersionMismatch(ServiceDefinition service, string version, string usage) =>
        CommandError(Sentence(VersionCheck.Describe(service, version)), usage);

    public static SlackMessage Refused(string reason) => Plain($":no_entry: {reason}");

    public static SlackMessage WrongChannel() =>
        Plain(":no_entry: Releases are not run from this channel. Use one of the deploy channels the admins configured.");

    public static SlackMessage StartFailed(ServiceDefinition service, string reason) =>
        Plain($":x: Could not start *{service.Name}*: {SlackText.Escape(reason)}. Nothing was started.");

    public static SlackMessage Plain(string text) => new(text, BlockKit.Blocks(BlockKit.Section(text)));

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
