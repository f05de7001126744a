using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>The messages of a running release, as pure functions of its state.</summary>
public static class ProgressMessages
{
    /// <summary>The status message (the start reply), edited in place as the release moves.</summary>
    public static SlackMessage Status(ReleaseInfo release, ReleaseState state, Uri console, DateTimeOffset now)
    {
        var what = $"*{release.Service}* `{SlackText.Escape(release.Version)}`{Changes.ChangeMessages.RollbackNote(release.Tags)}";
        var elapsed = Durations.Format((state.EndTime ?? now) - (state.StartTime ?? now));
        // The final state reads as a summary above the lines: the result below says it again, in its own words.
        var text = state.Status switch
        {
            "Success" or "CompletedWithSuccess" => $":white_check_mark: {what} deployed in {elapsed}",
            "Failed" or "CompletedWithFailure" when state.Rejected => $":no_entry_sign: {what} was rejected after {elapsed}, not deployed",
            "Failed" or "CompletedWithFailure" => $":x: {what} failed after {elapsed}",
            "TimedOut" => $":x: {what} timed out after {elapsed}",
            "Cancelled" or "Cancelling" => $":octagonal_sign: {what} was cancelled after {elapsed}",
            "Waiting" => $":raised_hand: {what} is waiting for approval — {elapsed} so far",
            _ => $":rocket: {release.RequesterMention} is deploying {what}{Step(state)} — {elapsed} so far",
        };
        var context = BlockKit.Context($"requested by {release.RequesterMention} · execution `{release.ExecutionId}` · <{console}|Open in the AWS console>");
        if (state.Steps.Count == 0)
        {
            return new SlackMessage(text, BlockKit.Blocks(BlockKit.Section(text), context));
        }

        // Finished steps live here, not in thread messages of their own (issue 12): the fallback text carries them too.
        var steps = StatusSteps.Render(state.Steps, AutomationStatus.IsTerminal(state.Status));
        return new SlackMessage($"{text}\n{steps}", BlockKit.Blocks(BlockKit.Section(text), BlockKit.Section(steps), context));
    }

    /// <summary>A status message that replaces a start reply whose record was lost.</summary>
    public static SlackMessage Resumed(ReleaseInfo release, Uri console) => Plain(
        $":arrows_counterclockwise: The status of *{release.Service}* `{SlackText.Escape(release.Version)}` continues here " +
        $"(execution `{release.ExecutionId}`, <{console}|AWS console>).");

    /// <summary>The thread line of a step that failed or timed out (a person should hear of it); steps that
    /// succeeded show only in the status message.</summary>
    public static SlackMessage StepFinished(string stepName, string status, string? duration)
    {
        var took = duration is null ? "" : $" ({duration})";
        var name = SlackText.Escape(stepName, 100);
        var text = status switch
        {
            "Success" => $":white_check_mark: step *{name}* succeeded{took}",
            "TimedOut" => $":alarm_clock: step *{name}* timed out{took}",
            "Cancelled" => $":octagonal_sign: step *{name}* was cancelled{took}",
            _ => $":x: step *{name}* {status.ToLowerInvariant()}{took}",
        };
        return Plain(text);
    }

    public static SlackMessage Log(string text) => Plain($":memo: {SlackText.Escape(text, BlockKit.SectionLimit - 20)}");

    public static SlackMessage Result(ReleaseInfo release, ReleaseState state, string? failedStep, string? failureMessage, Uri console, bool rejected = false)
    {
        var what = $"*{release.Service}* `{SlackText.Escape(release.Version)}`{Changes.ChangeMessages.RollbackNote(release.Tags)}";
        var took = Durations.Between(state.StartTime, state.EndTime) ?? "";
        if (state.Status is "Success" or "CompletedWithSuccess")
        {
            return Plain($":tada: {what} is live — {took}");
        }

        var verb = state.Status switch
        {
            "TimedOut" => "timed out",
            "Cancelled" => "was cancelled",
            _ when rejected => "was rejected",
            _ => "failed",
        };
        var at = failedStep is null ? "" : $" at step *{SlackText.Escape(failedStep, 100)}*";
        var why = string.IsNullOrWhiteSpace(failureMessage) ? "" : $"\n> {SlackText.Escape(failureMessage, 1500)}";
        var icon = state.Status switch
        {
            "Cancelled" => ":octagonal_sign:",
            "TimedOut" => ":x:",
            _ when rejected => ":no_entry_sign:",
            _ => ":x:",
        };
        var text = $"{icon} {what} {verb}{at} after {took}{why}\n<{console}|Open the execution in the AWS console>";
        return Plain(text);
    }

    private static string Step(ReleaseState state) =>
        state.CurrentStep is null ? "" : $" — step *{SlackText.Escape(state.CurrentStep, 100)}*";

    private static SlackMessage Plain(string text) => new(text, BlockKit.Blocks(BlockKit.Section(text)));
}
