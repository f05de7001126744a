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
    ISsm ssm, ISlackApi slack, ServiceCatalog catalog, ServiceHolds holds, IPromptClaims claims, IAuditLog audit, ExecutionLinks links, TimeProvider time,
    ILogger<ApprovalPrompter> logger)
{
    /// <summary>How long a claim's owner has to post the prompt and tag it before another instance takes over: a post
    /// and a tag take a second; the event that finds the claim comes back within 35 s (5 + 10 + 20).</summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromSeconds(30);

    // One id per process: a claim this instance made on an earlier, failed attempt is still its own.
    private readonly string owner = Guid.NewGuid().ToString("N");

    /// <summary>Called under the execution's lock. False while another instance is posting the prompt: the event
    /// should come back, so a prompt whose poster died is still posted.</summary>
    public async Task<bool> PromptIfWaitingAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        if (!catalog.ByName.TryGetValue(release.Service, out var service))
        {
            return true;
        }

        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        if (ApprovalTags.WaitingApprovalStep(execution) is not { } step)
        {
            return true;
        }

        var key = step.StepExecutionId ?? step.StepName;
        if (state.HasPrompted(key) || await PromptedAsync(release, key, ct))
        {
            state.MarkPrompted(key);
            return true;
        }

        switch (await ClaimAsync(release, key, ct))
        {
            case Claim.Posted:
                state.MarkPrompted(key);
                return true;
            case Claim.Pending:
                return false;
        }

        // Nothing refused an execution started outside Slack at its start: locks and freezes apply at its approval.
        var hold = release.Tags.ContainsKey(ExecutionTags.Outside) ? await holds.WhyHeldAsync(service, release.ExecutionId, ct) : null;
        if (hold is not null && catalog.Gate.WhenLockedOrFrozen == GateHoldMode.Refuse)
        {
            await new HeldApproval(ssm, slack, audit, time).RefuseAsync(release, step, key, hold, ct);
            state.MarkPrompted(key);
            ApprovalLog.RefusedHeld(logger, release.ExecutionId, step.StepName, hold.Plain);
            return true;
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
        return true;
    }

    private async Task<bool> PromptedAsync(ReleaseInfo release, string key, CancellationToken ct) =>
        ApprovalTags.From(await ssm.ListTagsAsync(release.ExecutionId, ct)).PromptStep == key;

    /// <summary>Whether this instance posts the prompt: its claim is new, its own from an earlier attempt, or taken
    /// over from an owner that did not post within <see cref="ClaimGrace"/>.</summary>
    private async Task<Claim> ClaimAsync(ReleaseInfo release, string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claim = await claims.ClaimAsync(release.ExecutionId, key, owner, now, ct);
        if (claim is null)
        {
            // There a moment ago and gone now (the table's TTL): the event comes back and claims afresh.
            return Claim.Pending;
        }

        if (claim.Owner == owner)
        {
            return Claim.Mine;
        }

        // The owner may have posted and tagged between this instance's first look and its claim.
        if (await PromptedAsync(release, key, ct))
        {
            return Claim.Posted;
        }

        if (now - claim.Since < ClaimGrace || !await claims.TryTakeOverAsync(claim, owner, now, ct))
        {
            ApprovalLog.BeingPrompted(logger, release.ExecutionId, key, claim.Since);
            return Claim.Pending;
        }

        ApprovalLog.TookOverPrompt(logger, release.ExecutionId, key, claim.Since);
        return Claim.Mine;
    }

    private enum Claim
    {
        Mine,
        Posted,
        Pending,
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
