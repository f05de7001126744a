using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>The step lines and the result of a release, posted so that the result is the thread's last message.
/// Called under the execution's lock.</summary>
internal sealed class ReleaseResult(ISsm ssm, ISlackApi slack, ExecutionLinks links, IAuditLog audit, ILogger logger)
{
    /// <summary>Posts the line of a step that ended (the approval step's outcome is on its prompt instead) and
    /// records it only once it is in the thread, so a failed post is tried again by the event's next delivery.</summary>
    public async Task ReportStepAsync(ReleaseInfo release, ReleaseState state, string stepName, string action, string status, string? took, CancellationToken ct)
    {
        if (action != "aws:approve")
        {
            await slack.PostMessageAsync(release.Channel, release.ThreadTs, ProgressMessages.StepFinished(stepName, status, took), ct);
        }

        state.MarkFinished(stepName);
        state.StatusMessageStale = true;
        var reported = ReportedSteps.From(new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Steps] = state.ReportedStepsTag ?? "" });
        if (ReportedSteps.With(reported, stepName) is { } value)
        {
            await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Steps] = value }, ct);
            state.ReportedStepsTag = value;
        }
    }

    /// <summary>Posts the result, after the lines of the steps SSM says ended whose own events have not come yet
    /// (the queue delivers in no particular order): those events then find their line posted and add nothing.</summary>
    public async Task PostAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        // Fresh from SSM: another instance may have posted some of the lines since this one last looked.
        var tags = await ssm.ListTagsAsync(release.ExecutionId, ct);
        state.ReportedStepsTag = tags.GetValueOrDefault(ExecutionTags.Steps, state.ReportedStepsTag ?? "");
        var reported = ReportedSteps.From(tags);
        foreach (var step in execution.Steps.Where(s => AutomationStatus.IsTerminal(s.Status)))
        {
            if (!state.HasFinished(step.StepName) && !reported.Contains(ReportedSteps.Key(step.StepName)))
            {
                await ReportStepAsync(release, state, step.StepName, step.Action, step.Status, Durations.Between(step.StartTime, step.EndTime), ct);
            }
        }

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
