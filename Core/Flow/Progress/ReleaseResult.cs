using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>Finished steps and the result of a release: every step goes into the status message, only a failed or
/// timed-out one gets a thread line of its own, and the result is the thread's last message. Called under the
/// execution's lock.</summary>
internal sealed class ReleaseResult(ISsm ssm, ISlackApi slack, ExecutionLinks links, IAuditLog audit, ILogger logger)
{
    /// <summary>Whether a step that ended is worth a notification of its own: it failed or timed out. A step that
    /// succeeded or was cancelled (someone asked for that) shows in the status message only; an approval step's
    /// outcome is on its prompt.</summary>
    public static bool LineDue(StepView step) => step.Ended && !step.Approval && step.Status is not ("Success" or "Cancelled");

    public static StepView View(StepExecution step) =>
        new(step.StepName, step.Status, Durations.Between(step.StartTime, step.EndTime), step.Action == "aws:approve");

    /// <summary>Shows a step that ended in the status message and, when <see cref="LineDue"/>, posts its line; the
    /// step is recorded only once its line is in the thread, so a failed post is tried again by the event's next delivery.</summary>
    public async Task ReportStepAsync(ReleaseInfo release, ReleaseState state, StepView step, CancellationToken ct)
    {
        var due = LineDue(step);
        if (due)
        {
            await slack.PostMessageAsync(release.Channel, release.ThreadTs, ProgressMessages.StepFinished(step.Name, step.Status, step.Duration), ct);
        }

        state.MarkFinished(step.Name);
        state.StatusMessageStale |= state.ShowStep(step);
        var reported = ReportedSteps.Parse(state.ReportedStepsTag);
        if (due && ReportedSteps.With(reported, step.Name) is { } value)
        {
            await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Steps] = value }, ct);
            state.ReportedStepsTag = value;
        }
    }

    /// <summary>Posts the result, after the lines still owed for steps SSM says ended whose own events have not come
    /// yet (the queue delivers in no particular order): those events then find their step handled and post nothing.
    /// SSM's record also gives the status message every step's final state, in the document's order.</summary>
    public async Task PostAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        // Fresh from SSM: another instance may have posted some of the lines since this one last looked.
        var tags = await ssm.ListTagsAsync(release.ExecutionId, ct);
        state.ReportedStepsTag = tags.GetValueOrDefault(ExecutionTags.Steps, state.ReportedStepsTag ?? "");
        var reported = ReportedSteps.From(tags);
        foreach (var step in execution.Steps)
        {
            var view = View(step);
            if (view.Ended && !state.HasFinished(step.StepName) && !reported.Contains(ReportedSteps.Key(step.StepName)))
            {
                await ReportStepAsync(release, state, view, ct);
            }
            else
            {
                state.StatusMessageStale |= state.ShowStep(view, recorded: true);
            }
        }

        state.OrderSteps([.. execution.Steps.Select(s => s.StepName)]);
        var failed = execution.Steps.FirstOrDefault(s => s.Status is "Failed" or "TimedOut" or "Cancelled");
        state.Rejected = failed is { Action: "aws:approve", Status: "Failed" } && state.Status is ("Failed" or "CompletedWithFailure");
        state.StartTime ??= execution.StartTime;
        state.EndTime ??= execution.EndTime;
        var message = ProgressMessages.Result(
            release, state, failed?.StepName, failed?.FailureMessage ?? execution.FailureMessage, links.Execution(release.ExecutionId), state.Rejected);
        await slack.PostMessageAsync(release.Channel, release.ThreadTs, message, ct);
        state.ResultPosted = true;
        state.StatusMessageStale = true;

        var outcome = state.Rejected ? "Rejected" : state.Status;
        await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Result] = outcome }, ct);
        ProgressLog.Ended(logger, release.ExecutionId, release.Service, outcome);
        await audit.AppendAsync(new AuditEntry("end", outcome, release.Requester, release.Channel, null, release.Service, release.Version, release.ExecutionId), ct);
    }
}
