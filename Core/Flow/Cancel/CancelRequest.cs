using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Cancel;

/// <summary>
/// <c>cancel &lt;execution-id&gt;</c>: fresh tags → catalog → requester or approver → still running → StopAutomationExecution
/// → audit → the release's thread says who cancelled.
/// </summary>
public sealed class CancelRequest(
    ISsm ssm,
    ISlackApi slack,
    IAuditLog audit,
    ServiceCatalog catalog,
    DeployPolicy policy,
    ReleaseDirectory releases,
    KeyedLock locks,
    ExecutionLinks links,
    ILogger<CancelRequest> logger)
{
    public async Task HandleAsync(ReplyContext reply, CancelCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        var id = command.ExecutionId;
        try
        {
            await CancelAsync(reply, id, ct);
        }
        catch (AwsException e)
        {
            CancelFlowLog.Failed(logger, e, id, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, executionId: id, reason: e.Code);
            await reply.ThreadAsync(CancelMessages.CouldNotCancel(id, e.Code.Length > 0 ? $"{e.Code}: {e.AwsMessage}" : e.Message), ct);
        }
    }

    private async Task CancelAsync(ReplyContext reply, string id, CancellationToken ct)
    {
        // Fresh, not cached: the decision rests on the tags as they are now.
        if (await releases.ReadAsync(id, ct) is not { } release)
        {
            await RefuseInThreadAsync(reply, id, "not started from Slack", CancelMessages.NotFromSlack(id), ct);
            return;
        }

        if (!catalog.ByName.TryGetValue(release.Service, out var service))
        {
            await RefuseInThreadAsync(reply, id, "unknown service", CancelMessages.NotAService(release), ct);
            return;
        }

        var may = await policy.MayCancelAsync(service, reply.User, release.Requester, ct);
        if (!may.Allowed)
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "may not cancel");
            await reply.AuditAsync("refused", ct, service.Name, release.Version, id, "may not cancel");
            await reply.EphemeralAsync(DeployMessages.Refused(may.Reason!), ct);
            return;
        }

        var execution = await ssm.GetAutomationExecutionAsync(id, ct);
        if (AutomationStatus.IsTerminal(execution.Status))
        {
            await RefuseInThreadAsync(reply, id, "already finished", CancelMessages.AlreadyFinished(release, execution.Status), ct, service);
            return;
        }

        if (execution.Status == "Cancelling")
        {
            await RefuseInThreadAsync(reply, id, "already cancelling", CancelMessages.AlreadyCancelling(release), ct, service);
            return;
        }

        // Held until the thread says who cancelled: the execution's Cancelled event waits for it (same lock), so the
        // result is posted after this line, not before it.
        using (await locks.AcquireAsync(id, ct))
        {
            await ssm.StopAutomationExecutionAsync(id, ct);
            CancelFlowLog.Cancelled(logger, reply.User, service.Name, release.Version, id);
            await audit.AppendAsync(new AuditEntry("cancel", "cancelled", reply.User, reply.Mention.Channel, reply.Command, service.Name, release.Version, id), ct);
            await AnnounceAsync(reply, release, ct);
        }
    }

    private async Task AnnounceAsync(ReplyContext reply, ReleaseInfo release, CancellationToken ct)
    {
        var inReleaseThread = release.Channel == reply.Mention.Channel && release.ThreadTs == reply.Mention.ReplyThread;
        var told = true;
        try
        {
            await slack.PostMessageAsync(release.Channel, release.ThreadTs, CancelMessages.Cancelled(reply.User, release, links.Execution(release.ExecutionId)), ct);
        }
        catch (SlackApiException e)
        {
            // The release is stopped either way; the asker must still hear it, even if the release's thread is gone.
            CancelFlowLog.ThreadPostFailed(logger, release.ExecutionId, release.Channel, release.ThreadTs, e.Error);
            told = false;
        }

        if (!inReleaseThread || !told)
        {
            await reply.ThreadAsync(CancelMessages.Confirmed(release, told), ct);
        }
    }

    private async Task RefuseInThreadAsync(ReplyContext reply, string id, string reason, SlackMessage message, CancellationToken ct, ServiceDefinition? service = null)
    {
        DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, reason);
        await reply.AuditAsync("refused", ct, service?.Name, executionId: id, reason: reason);
        await reply.ThreadAsync(message, ct);
    }
}
