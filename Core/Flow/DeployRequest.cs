using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>The deploy path: catalog → version → deployer → lock (conditional write) → start (idempotent) → record the
/// execution on the lock → reply → tags. A failed start gives the lock back; the execution's end releases it.</summary>
public sealed partial class DeployRequest(
    ISsm ssm,
    ISlackApi slack,
    ServiceCatalog catalog,
    DeployPolicy policy,
    DeployLock deployLock,
    FreezeCalendar freezes,
    ChangeReader changes,
    ExecutionLinks links,
    TimeProvider time,
    ILogger<DeployRequest> logger)
{
    private readonly StartReply startReply = new(ssm, deployLock, links, logger);

    public async Task HandleAsync(ReplyContext reply, DeployCommand command, string usage, CancellationToken ct)
    {
        if (!catalog.ByName.TryGetValue(command.Service, out var service))
        {
            await RefuseInThreadAsync(reply, "unknown service", DeployMessages.UnknownService(
                command.Service, [.. catalog.ByName.Keys], usage), ct);
            return;
        }

        if (!VersionCheck.IsMatch(service, command.Version))
        {
            await RefuseInThreadAsync(reply, "version format", DeployMessages.VersionMismatch(service, command.Version, usage), ct, service);
            return;
        }

        var mayDeploy = await policy.MayDeployAsync(service, reply.User, ct);
        if (!mayDeploy.Allowed)
        {
            DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, "not a deployer");
            await reply.AuditAsync("refused", ct, service.Name, command.Version, reason: "not a deployer");
            await reply.EphemeralAsync(DeployMessages.Refused(mayDeploy.Reason!), ct);
            return;
        }

        var freeze = FreezeDecision.Of(freezes, service.Name, command.BreakGlass, catalog.BreakGlassApprovers.Count > 0);
        if (freeze.Refusal is { } frozen)
        {
            await RefuseInThreadAsync(reply, freeze.Why!, frozen, ct, service);
            return;
        }

        if (command.BreakGlass is not null && freeze.BreakGlass is null)
        {
            DeployFlowLog.BreakGlassIgnored(logger, service.Name, reply.User);
        }

        if (await CheckChangesAsync(reply, service, command, ct) is not { } release)
        {
            return;
        }

        // One request per service at a time in this process; the store's conditional writes order the instances.
        using (await deployLock.SerializeAsync(service.Name, ct))
        {
            await LockAndStartAsync(reply, service, release, freeze.BreakGlass, ct);
        }
    }

    private async Task LockAndStartAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, string? breakGlass, CancellationToken ct)
    {
        var version = release.Version;
        var mention = reply.Mention;
        var eventTag = $"{mention.TeamId}/{mention.EventId}";
        var candidate = new LockHolder(
            service.Name, Guid.NewGuid().ToString("N"), reply.User, time.GetUtcNow(), version, eventTag, Thread: $"{mention.Channel}/{mention.ReplyThread}");
        LockAttempt attempt;
        try
        {
            attempt = await deployLock.AcquireAsync(service, candidate, ct);
        }
        catch (AwsException e)
        {
            DeployFlowLog.StartFailed(logger, e, service.Name, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, version, reason: e.Code);
            await reply.ThreadAsync(DeployMessages.StartFailed(service, $"the lock table answered {e.Code}: {e.AwsMessage}"), ct);
            return;
        }

        switch (attempt)
        {
            case LockAttempt.Held held:
                var console = held.Holder.ExecutionId is { } id ? links.Execution(id) : null;
                await RefuseInThreadAsync(reply, "locked", LockMessages.Held(service, held.Holder, console, time.GetUtcNow()), ct, service, held.Holder.ExecutionId);
                return;
            case LockAttempt.Busy:
                await RefuseInThreadAsync(reply, "lock busy", LockMessages.Busy(service), ct, service);
                return;
            case LockAttempt.AlreadyOurs { Holder.ExecutionId: { } started } ours:
                // Recorded by a takeover check that found it by its tag: the delivery that started it may have died unanswered.
                await startReply.AnnounceAsync(reply, service, release, ours.Holder, started, breakGlass, ct);
                return;
            case LockAttempt.AlreadyOurs ours:
                // A redelivery of a request that took the lock and may not have started: the ClientToken keeps it one execution.
                await StartAsync(reply, service, release, ours.Holder, breakGlass, ct, keepOnFailure: ours.Shared);
                return;
            case LockAttempt.Acquired acquired:
                if (await RunningOutsideAsync(reply, service, release, acquired.Holder, breakGlass, ct))
                {
                    return;
                }

                await StartAsync(reply, service, release, acquired.Holder, breakGlass, ct);
                return;
        }
    }

    /// <summary>An execution of the document already running (started from the console, or before the lock table existed)
    /// holds the service too: give the lock back and refuse; if it is this very event's, answer it as started.</summary>
    private async Task<bool> RunningOutsideAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, LockHolder holder, string? breakGlass, CancellationToken ct)
    {
        if (await deployLock.FindRunningAsync(service, ct) is not { } running)
        {
            return false;
        }

        if (running.EventId == holder.EventId)
        {
            // Another delivery of this event started it; it may have died before answering.
            await startReply.AnnounceAsync(reply, service, release, holder, running.Execution.ExecutionId, breakGlass, ct);
            return true;
        }

        await deployLock.ReleaseAsync(holder, "an execution is running outside the lock", ct);
        var console = links.Execution(running.Execution.ExecutionId);
        await RefuseInThreadAsync(reply, "locked", DeployMessages.LockHeld(service, running, console), ct, service, running.Execution.ExecutionId);
        return true;
    }

    private async Task StartAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, LockHolder holder, string? breakGlass, CancellationToken ct, bool keepOnFailure = false)
    {
        var mention = reply.Mention;
        var version = release.Version;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{mention.Channel}/{mention.ReplyThread}",
            [ExecutionTags.Requester] = reply.User,
            [ExecutionTags.Service] = service.Name,
            [ExecutionTags.Version] = version,
            [ExecutionTags.Event] = $"{mention.TeamId}/{mention.EventId}",
        };

        var request = new StartAutomationRequest(
            service.Document,
            service.DocumentVersion,
            await ParameterTemplate.FillForAsync(slack, service, version, reply.User, reply.Mention.Channel, ct),
            ClientToken.For(mention.TeamId, mention.EventId),
            tags);

        string executionId;
        try
        {
            executionId = await ssm.StartAutomationExecutionAsync(request, ct);
        }
        catch (AwsException e) when (e.Code == "IdempotentParameterMismatch")
        {
            // The token was used before: by this very request whose answer was lost (then finish its job), or by a
            // redelivery that another attempt already answered (then stay silent). The event tag tells which.
            DeployFlowLog.TokenMismatch(logger, mention.EventId, e.Code);
            if (await FindOwnExecutionAsync(service, request.Tags[ExecutionTags.Event], ct) is not { } own)
            {
                return;
            }

            executionId = own;
        }
        catch (AwsException e)
        {
            // Nothing was started: the service is free again at once, unless another delivery of this event may still
            // start it (then the lock stays until that one records it, or StartGrace passes).
            if (keepOnFailure)
            {
                LockLog.KeptAfterFailedStart(logger, service.Name, holder.EventId ?? "");
            }
            else
            {
                await deployLock.ReleaseAsync(holder, $"start failed: {e.Code}", ct);
            }

            DeployFlowLog.StartFailed(logger, e, service.Name, reply.User, e.Code);
            await reply.AuditAsync("failed", ct, service.Name, version, reason: e.Code);
            await reply.ThreadAsync(DeployMessages.StartFailed(service, $"{e.Code}: {e.AwsMessage}"), ct);
            return;
        }

        await startReply.AnnounceAsync(reply, service, release, holder, executionId, breakGlass, ct);
    }

    /// <summary>The execution this event started, if SSM shows it within a few seconds (a lost answer's execution
    /// may become visible to DescribeAutomationExecutions a moment after the retry was refused).</summary>
    private async Task<string?> FindOwnExecutionAsync(ServiceDefinition service, string eventTag, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await deployLock.FindRunningAsync(service, ct) is { } running && running.EventId == eventTag)
            {
                return running.Execution.ExecutionId;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }

        return null;
    }

    private async Task RefuseInThreadAsync(ReplyContext reply, string reason, SlackMessage message, CancellationToken ct, ServiceDefinition? service = null, string? executionId = null)
    {
        DeployFlowLog.Refused(logger, reply.Command, reply.User, reply.Mention.Channel, reason);
        await reply.AuditAsync("refused", ct, service?.Name, executionId: executionId, reason: reason);
        await reply.ThreadAsync(message, ct);
    }
}
