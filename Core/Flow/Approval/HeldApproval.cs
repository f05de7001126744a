using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>The approval step of an execution started outside Slack whose service is locked or frozen, rejected by
/// the daemon (Deploy:Gate:WhenLockedOrFrozen = Refuse): the prompt says why, and a pipeline's <c>gate</c> prints it.</summary>
internal sealed class HeldApproval(ISsm ssm, ISlackApi slack, IAuditLog audit, TimeProvider time)
{
    /// <summary>Who the decision is recorded as: the daemon, not a person.</summary>
    public const string DecidedBy = "SocketDeployer";

    public async Task RefuseAsync(ReleaseInfo release, StepExecution step, string key, ServiceHold hold, CancellationToken ct)
    {
        var outcome = $":no_entry: Refused by SocketDeployer: {hold.Text} Start it again once that ends.";
        var ts = await slack.PostMessageAsync(release.Channel, release.ThreadTs, ApprovalMessages.Decided(release, ApprovalTags.MessageOf(step), outcome), ct);

        // Tags first: the pipeline reads who decided and why as soon as the rejection ends the execution.
        await ssm.AddTagsAsync(
            release.ExecutionId,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ExecutionTags.Prompt] = $"{key}@{ts}",
                [ExecutionTags.Decision] = ApprovalTags.DecisionValue(key, "rejected", [], time.GetUtcNow()),
                [ExecutionTags.DecidedBy] = DecidedBy,
                [ExecutionTags.Refused] = TagText.Of(hold.Plain),
            },
            ct);
        try
        {
            await ssm.SendAutomationSignalAsync(release.ExecutionId, "Reject", $"Refused by SocketDeployer: {hold.Plain}", ct);
        }
        catch (AwsException e) when (e.Code is "InvalidAutomationSignalException" or "AutomationStepNotFoundException" or "AutomationExecutionNotFoundException")
        {
            // The step ended meanwhile (timed out, cancelled): nothing is waiting to be refused.
        }

        await audit.AppendAsync(
            new AuditEntry("prompt", "refused", release.Requester.Length == 0 ? null : release.Requester, release.Channel, null,
                release.Service, release.Version, release.ExecutionId, hold.Plain, step.StepName),
            ct);
    }
}
