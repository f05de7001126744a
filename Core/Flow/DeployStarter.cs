using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow;

/// <summary>The deploy path once the request passed its checks: lock (conditional write) → start (idempotent, by the
/// event's ClientToken) → <see cref="StartReply"/> (reply, tags, the execution recorded on the lock). A failed start
/// gives the lock back.</summary>
public sealed class DeployStarter(
    ISsm ssm,
    ISlackApi slack,
    DeployLock deployLock,
    ExecutionLinks links,
    TimeProvider time,
    ILogger<DeployStarter> logger)
{
    private readonly StartReply startReply = new(ssm, deployLock, links, logger);

    /// <summary>Takes <paramref name="service"/>'s lock for this request and starts its execution, or answers why not.
    /// One request per service at a time in this process; the store's conditional writes order the instances.</summary>
    public async Task LockAndStartAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, string? breakGlass, CancellationToken ct)
    {
        using (await deployLock.SerializeAsync(service.Name, ct))
        {
            await LockedAsync(reply, service, release, breakGlass, ct);
        }
    }

    private async Task LockedAsync(ReplyContext reply, ServiceDefinition service, ReleaseChanges release, string? breakGlass, CancellationToken ct)
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
                await DeployRefusal.InThreadAsync(logger, reply, "locked", LockMessages.Held(service, held.Holder, console, time.GetUtcNow()), ct, service, held.Holder.ExecutionId);
                return;
            case LockAttempt.Busy:
                await DeployRefusal.InThreadAsync(logger, reply, "lock busy", LockMessages.Busy(service), ct, service);
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
        await DeployRefusal.InThreadAsync(logger, reply, "locked", DeployMessages.LockHeld(service, running, console), ct, service, running.Execution.ExecutionId);
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
}
