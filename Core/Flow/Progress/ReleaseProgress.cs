using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>Applies automation events to their release's thread: the status message (which shows every step),
/// lines of failed steps, log lines, approval prompts and the final result. Events of one execution are applied one at a time, in arrival order;
/// a final status is never overwritten by an older one, and a repeated event posts nothing new.</summary>
/// <remarks>Whatever order the events come in, the result is the thread's last message: it is posted after every
/// failure line owed for a step SSM says ended (a step whose own event is still on its way is reported then, its
/// event later posts nothing), and nothing is posted after it; the status message's final edit shows SSM's record of
/// every step.</remarks>
public sealed class ReleaseProgress(
    ISsm ssm,
    ISlackApi slack,
    ReleaseDirectory releases,
    ReleaseStateStore states,
    KeyedLock locks,
    ApprovalPrompter approvals,
    StatusMessageEditor statusMessage,
    ExecutionLinks links,
    IAuditLog audit,
    IOptions<DeployOptions> options,
    TimeProvider time,
    ILogger<ReleaseProgress> logger)
{
    private readonly TimeSpan startReplyGrace = options.Value.StartReplyGrace;

    private readonly ReleaseResult result = new(ssm, slack, links, audit, logger);

    public async Task<ProgressOutcome> ApplyAsync(AutomationEvent automationEvent, CancellationToken ct)
    {
        var release = await releases.FindAsync(automationEvent.ExecutionId, ct);
        if (release is null)
        {
            ProgressLog.NotOurs(logger, automationEvent.ExecutionId);
            return ProgressOutcome.NotOurs;
        }

        using var held = await locks.AcquireAsync(release.ExecutionId, ct);
        if (release.StatusTs is null && await releases.FindAsync(release.ExecutionId, ct) is { } fresher)
        {
            // Read before the lock: the event ahead of this one may have recovered the status message meanwhile, and
            // a second recovery (or an edit of no message) would leave the recorded one without the final state.
            release = fresher;
        }

        var state = states.GetOrAdd(release.ExecutionId, out var created);
        if (created)
        {
            await HydrateAsync(release, state, ct);
        }

        // The start reply is posted right after StartAutomationExecution returns; an event that would post a line
        // before it (a step that ends at once) waits for it, so the thread reads in order.
        if (release.StatusTs is null && WouldPost(automationEvent))
        {
            if (time.GetUtcNow() - (state.StartTime ?? time.GetUtcNow()) < startReplyGrace)
            {
                ProgressLog.WaitingForStartReply(logger, release.ExecutionId);
                return ProgressOutcome.NotYet;
            }

            release = await statusMessage.RecoverAsync(release, state, ct);
        }

        var prompted = true;
        switch (automationEvent)
        {
            case StepStatusChanged step:
                prompted = await OnStepAsync(release, state, step, ct);
                break;
            case ExecutionStatusChanged execution:
                prompted = await OnExecutionAsync(release, state, execution, ct);
                break;
            case LogLine line:
                await OnLogLineAsync(release, state, line, ct);
                break;
            case ApprovalRequested:
                prompted = await approvals.PromptIfWaitingAsync(release, state, ct);
                break;
        }

        await statusMessage.RefreshAsync(release, state, ct);
        // Another instance is posting the approval prompt: the event comes back, in case that instance dies first.
        return prompted ? ProgressOutcome.Applied : ProgressOutcome.NotYet;
    }

    private static bool WouldPost(AutomationEvent automationEvent) => automationEvent switch
    {
        StepStatusChanged step => AutomationStatus.IsTerminal(step.Status) || step.Action == "aws:approve",
        ExecutionStatusChanged execution => AutomationStatus.IsTerminal(execution.Status) || execution.Status == "Waiting",
        _ => true,
    };

    private async Task<bool> OnStepAsync(ReleaseInfo release, ReleaseState state, StepStatusChanged step, CancellationToken ct)
    {
        var prompted = true;
        var ended = AutomationStatus.IsTerminal(step.Status);
        if (step.Action == "aws:approve")
        {
            if (ended)
            {
                await approvals.StepEndedAsync(release, step.StepName, step.Status, ct);
            }
            else
            {
                prompted = await approvals.PromptIfWaitingAsync(release, state, ct);
            }
        }

        var view = new StepView(step.StepName, step.Status, ended ? Durations.Between(step.StartTime, step.EndTime) : null, step.Action == "aws:approve");
        if (ended && !state.HasFinished(step.StepName))
        {
            if (state.ResultPosted)
            {
                // Its execution's end came first and the result is out (it already names a failed step): a line now
                // would follow the result. The status message still shows the step's end (an edit, not a post).
                state.MarkFinished(step.StepName);
                state.StatusMessageStale |= state.ShowStep(view);
                ProgressLog.StepAfterResult(logger, release.ExecutionId, step.StepName);
            }
            else
            {
                await result.ReportStepAsync(release, state, view, ct);
                if (state.CurrentStep == step.StepName)
                {
                    state.CurrentStep = null;
                }
            }
        }
        else if (!ended && !state.HasFinished(step.StepName) && !AutomationStatus.IsTerminal(state.Status))
        {
            state.StatusMessageStale |= state.ShowStep(view);
            if (state.CurrentStep != step.StepName)
            {
                state.CurrentStep = step.StepName;
                state.StartTime ??= step.StartTime;
                state.StatusMessageStale = true;
            }
        }
        else if (ended)
        {
            // A copy of an end already handled: it may still carry what the status message lacks (the duration).
            state.StatusMessageStale |= state.ShowStep(view);
        }

        return prompted;
    }

    private async Task<bool> OnExecutionAsync(ReleaseInfo release, ReleaseState state, ExecutionStatusChanged execution, CancellationToken ct)
    {
        var prompted = true;
        if (!AutomationStatus.Supersedes(execution.Status, state.Status))
        {
            ProgressLog.Stale(logger, "execution", release.ExecutionId, execution.Status, state.Status);
        }
        else if (execution.Status != state.Status)
        {
            state.Status = execution.Status;
            state.StartTime ??= execution.StartTime;
            state.EndTime = execution.EndTime ?? (AutomationStatus.IsTerminal(execution.Status) ? execution.EventTime : null);
            state.StatusMessageStale = true;
        }

        if (execution.Status == "Waiting")
        {
            prompted = await approvals.PromptIfWaitingAsync(release, state, ct);
        }

        if (AutomationStatus.IsTerminal(state.Status) && !state.ResultPosted)
        {
            await result.PostAsync(release, state, ct);
        }

        return prompted;
    }

    private async Task OnLogLineAsync(ReleaseInfo release, ReleaseState state, LogLine line, CancellationToken ct)
    {
        var hash = StringComparer.Ordinal.GetHashCode(line.Text);
        if (state.HasLogLine(hash))
        {
            return;
        }

        if (state.ResultPosted)
        {
            // A step sends its lines while it runs, but the queue may hand one over after the execution's end.
            ProgressLog.LogLineAfterResult(logger, release.ExecutionId, line.Text);
        }
        else
        {
            await slack.PostMessageAsync(release.Channel, release.ThreadTs, ProgressMessages.Log(line.Text), ct);
        }

        state.MarkLogLine(hash);
    }

    /// <summary>A release this instance has not followed yet (a restart, another instance's release): learn where it is from SSM.</summary>
    private async Task HydrateAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        state.LastStatusEdit = time.GetUtcNow();
        state.StartTime = execution.StartTime;
        state.StepCount = execution.Steps.Count;
        state.ResultPosted = release.Tags.ContainsKey(ExecutionTags.Result);
        state.ReportedStepsTag = release.Tags.GetValueOrDefault(ExecutionTags.Steps);
        var reported = ReportedSteps.From(release.Tags);
        foreach (var step in execution.Steps)
        {
            // The status message shows every step SSM knows of, whoever followed the release before (before a
            // restart, another instance). Whoever that was recorded the failure lines it posted; the rest are posted
            // by their own (possibly redelivered) events, or with the result.
            var view = ReleaseResult.View(step);
            state.ShowStep(view, recorded: true);
            if (view.Ended && (state.ResultPosted || !ReleaseResult.LineDue(view) || reported.Contains(ReportedSteps.Key(step.StepName))))
            {
                state.MarkFinished(step.StepName);
            }
        }

        if (state.ResultPosted)
        {
            state.Status = execution.Status;
        }
    }
}
