using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Cancel;

/// <summary>The replies to <c>cancel</c>, as pure functions of what happened.</summary>
public static class CancelMessages
{
    /// <summary>Posted in the release's own thread: who stopped it.</summary>
    public static SlackMessage Cancelled(string user, ReleaseInfo release, Uri console)
    {
        ArgumentNullException.ThrowIfNull(release);
        var text = $":octagonal_sign: {StatusMessages.Person(user)} cancelled *{SlackText.Escape(release.Service)}*{Version(release)}";
        return new SlackMessage(
            text,
            BlockKit.Blocks(BlockKit.Section(text), BlockKit.Context($"Execution <{console}|{SlackText.InlineCode(release.ExecutionId)}> was asked to stop")));
    }

    /// <summary>In the asking thread when the cancel came from elsewhere than the release's thread.</summary>
    /// <param name="releaseThreadTold">False when the release's thread could not be posted to.</param>
    public static SlackMessage Confirmed(ReleaseInfo release, bool releaseThreadTold = true)
    {
        ArgumentNullException.ThrowIfNull(release);
        var thread = releaseThreadTold ? "its thread says so too" : "its thread could not be told";
        return DeployMessages.Plain($":octagonal_sign: Cancelled *{SlackText.Escape(release.Service)}*{Version(release)} ({SlackText.InlineCode(release.ExecutionId)}); {thread}.");
    }

    public static SlackMessage NotFromSlack(string executionId) =>
        DeployMessages.Plain($":grey_question: {SlackText.InlineCode(executionId)} was not started from Slack (or does not exist); cancel it in the AWS console.");

    public static SlackMessage NotAService(ReleaseInfo release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return DeployMessages.Plain($":grey_question: {SlackText.InlineCode(release.ExecutionId)} releases {SlackText.InlineCode(release.Service)}, which is not a service configured here; cancel it in the AWS console.");
    }

    public static SlackMessage AlreadyFinished(ReleaseInfo release, string status)
    {
        ArgumentNullException.ThrowIfNull(release);
        return DeployMessages.Plain($":information_source: *{SlackText.Escape(release.Service)}*{Version(release)} ({SlackText.InlineCode(release.ExecutionId)}) already finished ({SlackText.Escape(status)}); nothing to cancel.");
    }

    public static SlackMessage AlreadyCancelling(ReleaseInfo release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return DeployMessages.Plain($":hourglass_flowing_sand: *{SlackText.Escape(release.Service)}*{Version(release)} ({SlackText.InlineCode(release.ExecutionId)}) is already being cancelled.");
    }

    public static SlackMessage CouldNotCancel(string executionId, string reason) =>
        DeployMessages.Plain($":x: Could not cancel {SlackText.InlineCode(executionId)}: {SlackText.Escape(reason, 200)}");

    private static string Version(ReleaseInfo release) =>
        release.Version.Length == 0 ? "" : " " + SlackText.InlineCode(release.Version);
}
