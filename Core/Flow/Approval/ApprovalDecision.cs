using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>One accepted click: record it, signal SSM when the quorum is reached (or on Reject), update the prompt.</summary>
internal sealed class ApprovalDecision(
    ISsm ssm, ISlackApi slack, IAuditLog audit, DeployPolicy policy, ServiceCatalog catalog, TimeProvider time, ILogger logger,
    ReleaseInfo release, ServiceDefinition service, ApprovalClick click, ApprovalTags tags, string? message, Uri console)
{
    private string Step => tags.PromptStep!;

    /// <summary>False when SSM no longer accepts a signal (the step ended meanwhile).</summary>
    public async Task<bool> ApplyAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!click.Approve)
        {
            var rejection = $"Rejected in Slack by {click.UserName} ({click.User})";
            if (!await SignalAsync("Reject", rejection, ct))
            {
                return false;
            }

            await DecideAsync(ApprovalTags.DecisionValue(Step, "rejected", [click.User], now), DecidedByTag.Value([(click.UserName, click.User)]), ct);
            await UpdatePromptAsync(ApprovalMessages.Decided(release, message, ApprovalMessages.Rejected(click.User, now), service), ct);
            ApprovalLog.Decided(logger, "Rejection", release.ExecutionId, click.User);
            await AuditAsync("reject", "rejected", rejection, ct);
            return true;
        }

        var breakGlass = release.BreakGlass is not null;
        var needed = DeployPolicy.NeededApprovals(service, breakGlass);
        if (tags.Approvals.Contains(click.User, StringComparer.Ordinal))
        {
            var waiting = $"You already approved; {ApprovalMessages.Quorum(tags.Approvals, needed)}.";
            await slack.PostEphemeralAsync(click.Channel, click.User, release.ThreadTs, new SlackMessage($":hourglass: {waiting}"), ct);
            return true;
        }

        List<string> approvals = [.. tags.Approvals, click.User];
        var counted = await policy.CountedApprovalsAsync(service, approvals, breakGlass, ct);
        if (counted == await policy.CountedApprovalsAsync(service, tags.Approvals, breakGlass, ct))
        {
            // Only a break-glass release has places a person cannot fill: the extra one, or the service's own.
            var text = $"Your approval would not count: a break-glass release of *{service.Name}* needs {service.RequiredApprovals} from its approvers " +
                       $"and one from a break-glass approver, each a different person; {ApprovalMessages.Quorum(tags.Approvals, needed)}.";
            await slack.PostEphemeralAsync(click.Channel, click.User, release.ThreadTs, new SlackMessage($":hourglass: {text}"), ct);
            await AuditAsync("approve", "refused", "would not count towards the break-glass quorum", ct);
            return true;
        }

        var kindOf = breakGlass ? " (break-glass)" : "";
        if (counted < needed)
        {
            await TagAsync(ExecutionTags.Approvals, ApprovalTags.ApprovalsValue(Step, approvals), ct);
            await UpdatePromptAsync(ApprovalMessages.Prompt(release, service, click.StepName, message, approvals, console, catalog.BreakGlassApprovers), ct);
            ApprovalLog.Partial(logger, release.ExecutionId, click.User, approvals.Count, needed);
            await AuditAsync("approve", "recorded", $"approval {approvals.Count} of {needed}{kindOf}; waiting for more", ct);
            return true;
        }

        var names = string.Join(", ", approvals.Select(u => u == click.User ? $"{click.UserName} ({u})" : u));
        var approval = $"Approved in Slack by {names}{kindOf}";
        if (!await SignalAsync("Approve", approval, ct))
        {
            return false;
        }

        await DecideAsync(ApprovalTags.DecisionValue(Step, "approved", approvals, now), DecidedByTag.Value(approvals.Select(u => (u == click.User ? click.UserName : null, u))), ct);
        await UpdatePromptAsync(ApprovalMessages.Decided(release, message, ApprovalMessages.Approved(approvals, now), service), ct);
        ApprovalLog.Decided(logger, "Approval", release.ExecutionId, click.User);
        await AuditAsync("approve", "approved", approval, ct);
        return true;
    }

    private async Task<bool> SignalAsync(string type, string comment, CancellationToken ct)
    {
        try
        {
            await ssm.SendAutomationSignalAsync(release.ExecutionId, type, comment, ct);
            return true;
        }
        catch (AwsException e) when (e.Code is "InvalidAutomationSignalException" or "AutomationStepNotFoundException" or "AutomationExecutionNotFoundException")
        {
            return false;
        }
    }

    private Task TagAsync(string key, string value, CancellationToken ct) =>
        ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value }, ct);

    // One call for both: a pipeline waiting on the gate reads who decided as soon as the decision is there.
    private Task DecideAsync(string decision, string decidedBy, CancellationToken ct) =>
        ssm.AddTagsAsync(
            release.ExecutionId,
            new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.Decision] = decision, [ExecutionTags.DecidedBy] = decidedBy },
            ct);

    private Task UpdatePromptAsync(SlackMessage message, CancellationToken ct) =>
        slack.UpdateMessageAsync(release.Channel, tags.PromptTs!, message, ct);

    /// <param name="reason">What the decision said: the comment sent with the signal, or how many approvals are in.</param>
    private Task AuditAsync(string kind, string outcome, string reason, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(kind, outcome, click.User, click.Channel, null, release.Service, release.Version, release.ExecutionId, reason, click.StepName), ct);
}
