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

/// <summary>Applies automation events to their release's thread: step lines, log lines, the status message,
/// approval prompts and the final result. Events of one execution are applied one at a time, in arrival order;
/// a final status is never overwritten by an older one, and a repeated event posts nothing new.</summary>
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

    public async Task<ProgressOutcome> ApplyAsync(AutomationEvent automationEvent, CancellationToken ct)
    {
        var release = await releases.FindAsync(automationEvent.ExecutionId, ct);
        if (release is null)
        {
            ProgressLog.NotOurs(logger, automationEvent.ExecutionId);
            return ProgressOutcome.NotOurs;
        }

        using var held = await locks.AcquireAsync(release.ExecutionId, ct);
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

        switch (automationEvent)
        {
            case StepStatusChanged step:
                await OnStepAsync(release, state, step, ct);
                break;
            case ExecutionStatusChanged execution:
                await OnExecutionAsync(release, state, execution, ct);
                break;
            case LogLine line when state.MarkLogLine(StringComparer.Ordinal.GetHashCode(line.Text)):
                await slack.PostMessageAsync(release.Channel, release.ThreadTs, ProgressMessages.Log(line.Text), ct);
                break;
            case ApprovalRequested:
                await approvals.PromptIfWaitingAsync(release, state, ct);
                break;
        }

        await statusMessage.RefreshAsync(release, state, ct);
        return ProgressOutcome.Applied;
    }

    private static bool WouldPost(AutomationEvent automationEvent) => automationEvent switch
    {
        StepStatusChanged step => AutomationStatus.IsTerminal(step.Status) || step.Action == "aws:approve",
        ExecutionStatusChanged execution => AutomationStatus.IsTerminal(execution.Status) || execution.Status == "Waiting",
        _ => true,
    };

    private async Task OnStepAsync(ReleaseInfo release, ReleaseState state, StepStatusChanged step, CancellationToken ct)
    {
        var ended = AutomationStatus.IsTerminal(step.Status);
        if (step.Action == "aws:approve")
        {
            if (ended)
            {
                await approvals.StepEndedAsync(release, step.Status, ct);
            }
            else
            {
                await approvals.PromptIfWaitingAsync(release, state, ct);
            }
        }

        if (ended && state.MarkFinished(step.StepName))
        {
            // The approval step's outcome is already on its prompt (who decided, or how it ended): no second line.
            if (step.Action != "aws:approve")
            {
                var took = Durations.Between(step.StartTime, step.EndTime);
                await slack.PostMessageAsync(release.Channel, release.ThreadTs, ProgressMessages.StepFinished(step.StepName, step.Status, took), ct);
            }

            if (state.CurrentStep == step.StepName)
            {
                state.CurrentStep = null;
            }

            state.StatusMessageStale = true;
        }
        else if (!ended && !state.HasFinished(step.StepName) && !AutomationStatus.IsTerminal(state.Status) && state.CurrentStep != step.StepName)
        {
            state.CurrentStep = step.StepName;
            state.StartTime ??= step.StartTime;
            state.StatusMessageStale = true;
        }
    }

    private async Task OnExecutionAsync(ReleaseInfo release, ReleaseState state, ExecutionStatusChanged execution, CancellationToken ct)
    {
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
            await approvals.PromptIfWaitingAsync(release, state, ct);
        }

        if (AutomationStatus.IsTerminal(state.Status) && !state.ResultPosted)
        {
            await PostResultAsync(release, state, ct);
        }
    }

    private async Task PostResultAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        var failed = execution.Steps.FirstOrDefault(s => s.Status is "Failed" or "TimedOut" or "Cancelled");
        state.StartTime ??= execution.StartTime;
        state.EndTime ??= execution.EndTime;
        var console = links.Execution(release.ExecutionId);
        await slack.PostMessageAsync(
            release.Channel, release.ThreadTs, ProgressMessages.Result(
                release, state, failed?.StepName, failed?.FailureMessage ?? execution.FailureMessage, console, rejected: failed?.Action == "aws:approve"),
            ct);
        state.ResultPosted = true;
        await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Result] = state.Status }, ct);
        ProgressLog.Ended(logger, release.ExecutionId, release.Service, state.Status);
        await audit.AppendAsync(new AuditEntry("end", state.Status, release.Requester, release.Channel, null, release.Service, release.Version, release.ExecutionId), ct);
    }

    /// <summary>A release this instance has not followed yet (a restart, another instance's release): learn where it is from SSM.</summary>
    private async Task HydrateAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        state.LastStatusEdit = time.GetUtcNow();
        state.StartTime = execution.StartTime;
        state.StepCount = execution.Steps.Count;
        state.ResultPosted = release.Tags.ContainsKey(ExecutionTags.Result);
        foreach (var step in execution.Steps.Where(s => AutomationStatus.IsTerminal(s.Status)))
        {
            // Steps that ended before this instance looked were reported by whoever followed them then, or are
            // reported now by their own (possibly redelivered) events: only mark them when the result is out.
            if (state.ResultPosted)
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
