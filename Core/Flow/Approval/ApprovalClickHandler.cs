using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>Decides an Approve / Reject click. Nothing but the execution id and step name is taken from the
/// button: the service and requester come from SSM, the right to approve from the catalog and Slack groups.</summary>
public sealed class ApprovalClickHandler(
    ISsm ssm,
    ISlackApi slack,
    ServiceCatalog catalog,
    DeployPolicy policy,
    ServiceHolds holds,
    ReleaseDirectory releases,
    KeyedLock locks,
    BotIdentity bot,
    ExecutionLinks links,
    IAuditLog audit,
    TimeProvider time,
    ILogger<ApprovalClickHandler> logger)
{
    public async Task HandleAsync(ApprovalClick click, CancellationToken ct)
    {
        var me = await bot.GetAsync(ct);
        if (click.TeamId != me.TeamId)
        {
            await RefuseAsync(click, null, "another workspace", null, ct);
            return;
        }

        using var held = await locks.AcquireAsync(click.ExecutionId, ct);
        var release = await releases.ReadAsync(click.ExecutionId, ct);
        if (release is null || !catalog.ByName.TryGetValue(release.Service, out var service))
        {
            await RefuseAsync(click, null, "not a release", "This button does not belong to a release started from Slack.", ct);
            return;
        }

        var tags = ApprovalTags.From(release.Tags);
        if (tags.PromptTs != click.MessageTs || release.Channel != click.Channel)
        {
            // The clicked message is not that release's prompt, so its thread is not where the clicker looks.
            await RefuseAsync(click, release, "not the current prompt", "This is not the current approval prompt of that release.", ct, inReleaseThread: false);
            return;
        }

        if (tags.DecisionKind is { } kind)
        {
            var who = string.Join(", ", tags.DecidedBy.Select(u => $"<@{u}>"));
            var text = kind == "ended" ? "This approval is no longer waiting." : $"Already {kind} by {who}.";
            await RefuseAsync(click, release, "already decided", text, ct);
            return;
        }

        if (click.Approve && release.Tags.ContainsKey(ExecutionTags.Outside) && await holds.WhyHeldAsync(service, release.ExecutionId, ct) is { } hold)
        {
            // Deploy:Gate:WhenLockedOrFrozen = Wait: the prompt stays, and an approval counts once the hold ends.
            await RefuseAsync(click, release, "locked or frozen", $"Approving waits: {hold.Text} Reject works now.", ct);
            return;
        }

        var may = release.BreakGlass is null
            ? await policy.MayApproveAsync(service, click.User, release.Requester, ct)
            : await policy.MayApproveBreakGlassAsync(service, click.User, release.Requester, ct);
        if (!may.Allowed)
        {
            // The audit says which rule refused the click; the clicker reads the policy's own sentence.
            var why = string.Equals(click.User, release.Requester, StringComparison.Ordinal)
                ? "requester cannot approve their own release"
                : release.BreakGlass is null ? $"not an approver of {release.Service}" : $"not an approver of {release.Service} nor a break-glass approver";
            await RefuseAsync(click, release, why, may.Reason!, ct);
            return;
        }

        var execution = await ssm.GetAutomationExecutionAsync(release.ExecutionId, ct);
        var waiting = ApprovalTags.WaitingApprovalStep(execution);
        if (waiting is null || waiting.StepName != click.StepName || (waiting.StepExecutionId ?? waiting.StepName) != tags.PromptStep)
        {
            await RefuseAsync(click, release, "no longer waiting", $"This approval is no longer waiting (the release is {execution.Status}).", ct);
            return;
        }

        var decision = new ApprovalDecision(ssm, slack, audit, policy, catalog, time, logger, release, service, click, tags, ApprovalTags.MessageOf(waiting), links.Execution(release.ExecutionId));
        if (!await decision.ApplyAsync(ct))
        {
            await RefuseAsync(click, release, "signal refused", "This approval is no longer waiting.", ct);
        }
    }

    private async Task RefuseAsync(ApprovalClick click, ReleaseInfo? release, string reason, string? text, CancellationToken ct, bool inReleaseThread = true)
    {
        ApprovalLog.ClickRefused(logger, click.ExecutionId, click.User, reason);
        await audit.AppendAsync(
            new AuditEntry(click.Approve ? "approve" : "reject", "refused", click.User, click.Channel, null, release?.Service, release?.Version, click.ExecutionId, reason, click.StepName),
            ct);
        if (text is not null)
        {
            var thread = click.ThreadTs ?? (inReleaseThread && release?.Channel == click.Channel ? release.ThreadTs : null);
            await slack.PostEphemeralAsync(click.Channel, click.User, thread, new SlackMessage($":no_entry: {text}"), ct);
        }
    }
}
