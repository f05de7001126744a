using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>Posts one prompt per waiting aws:approve step execution, and closes it when the step ends without Slack.</summary>
/// <remarks>The event that triggers a prompt is only a hint (its wording and status are undocumented):
/// GetAutomationExecution decides whether an approval step is really waiting.</remarks>
public sealed class ApprovalPrompter(
    ISsm ssm, ISlackApi slack, ServiceCatalog catalog, ServiceHolds holds, IAuditLog audit, ExecutionLinks links, TimeProvider time, ILogger<ApprovalPrompter> logger)
{
    /// <summary>Called under the execution's lock.</summary>
    public async Task PromptIfWaitingAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        if (!catalog.ByName.TryGetValue(release.Service, out var service))
        {
            return;
        }

        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        if (ApprovalTags.WaitingApprovalStep(execution) is not { } step)
        {
            return;
        }

        var key = step.StepExecutionId ?? step.StepName;
        var tags = await ssm.ListTagsAsync(release.ExecutionId, ct);
        if (state.HasPrompted(key) || ApprovalTags.From(tags).PromptStep == key)
        {
            state.MarkPrompted(key);
            return;
        }

        // Nothing refused an execution started outside Slack at its start: locks and freezes apply at its approval.
        var hold = release.Tags.ContainsKey(ExecutionTags.Outside) ? await holds.WhyHeldAsync(service, release.ExecutionId, ct) : null;
        if (hold is not null && catalog.Gate.WhenLockedOrFrozen == GateHoldMode.Refuse)
        {
            await new HeldApproval(ssm, slack, audit, time).RefuseAsync(release, step, key, hold, ct);
            state.MarkPrompted(key);
            ApprovalLog.RefusedHeld(logger, release.ExecutionId, step.StepName, hold.Plain);
            return;
        }

        var waiting = hold is null ? null : $"{hold.Text} Approving waits until that ends; Reject works now.";
        var message = ApprovalMessages.Prompt(
            release, service, step.StepName, ApprovalTags.MessageOf(step), [], links.Execution(release.ExecutionId), catalog.BreakGlassApprovers, waiting);
        var ts = await slack.PostMessageAsync(release.Channel, release.ThreadTs, message, ct);
        state.MarkPrompted(key);
        await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Prompt] = $"{key}@{ts}" }, ct);
        ApprovalLog.Prompted(logger, release.ExecutionId, step.StepName, ts);
        await audit.AppendAsync(new AuditEntry("prompt", "posted", release.Requester, release.Channel, null, release.Service, release.Version, release.ExecutionId,
            release.BreakGlass is { } reason ? $"break-glass: {reason}" : null, step.StepName), ct);
    }

    /// <summary>The approval step reached a final status: if Slack did not decide, say so on the prompt and drop its buttons.</summary>
    public async Task StepEndedAsync(ReleaseInfo release, string stepName, string stepStatus, CancellationToken ct)
    {
        var tags = ApprovalTags.From(await ssm.ListTagsAsync(release.ExecutionId, ct));
        if (tags.PromptTs is null || tags.PromptStep is null || tags.DecisionKind is not null)
        {
            return;
        }

        var outcome = ApprovalMessages.EndedOutsideSlack(stepStatus);
        await slack.UpdateMessageAsync(release.Channel, tags.PromptTs, ApprovalMessages.Decided(release, null, outcome), ct);
        await ssm.AddTagsAsync(
            release.ExecutionId,
            new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Decision] = ApprovalTags.DecisionValue(tags.PromptStep, "ended", [], time.GetUtcNow()) },
            ct);
        ApprovalLog.EndedOutsideSlack(logger, release.ExecutionId, stepStatus);
        await audit.AppendAsync(new AuditEntry("prompt", "ended", null, release.Channel, null, release.Service, release.Version, release.ExecutionId, $"the approval step ended {stepStatus} without a decision in Slack", stepName), ct);
    }
}
