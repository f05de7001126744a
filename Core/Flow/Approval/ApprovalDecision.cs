using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>One accepted click: record it, signal SSM when the quorum is reached (or on Reject), update the prompt.</summary>
internal sealed class ApprovalDecision(
    ISsm ssm, ISlackApi slack, IAuditLog audit, TimeProvider time, ILogger logger,
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

        if (tags.Approvals.Contains(click.User, StringComparer.Ordinal))
        {
            var waiting = $"You already approved; {ApprovalMessages.Quorum(tags.Approvals, service.RequiredApprovals)}.";
            await slack.PostEphemeralAsync(click.Channel, click.User, release.ThreadTs, new SlackMessage($":hourglass: {waiting}"), ct);
            return true;
        }

        List<string> approvals = [.. tags.Approvals, click.User];
        if (approvals.Count < service.RequiredApprovals)
        {
            await TagAsync(ExecutionTags.Approvals, ApprovalTags.ApprovalsValue(Step, approvals), ct);
            await UpdatePromptAsync(ApprovalMessages.Prompt(release, service, click.StepName, message, approvals, console), ct);
            ApprovalLog.Partial(logger, release.ExecutionId, click.User, approvals.Count, service.RequiredApprovals);
            await AuditAsync("approve", "recorded", $"approval {approvals.Count} of {service.RequiredApprovals}; waiting for more", ct);
            return true;
        }

        var names = string.Join(", ", approvals.Select(u => u == click.User ? $"{click.UserName} ({u})" : u));
        var approval = $"Approved in Slack by {names}";
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
