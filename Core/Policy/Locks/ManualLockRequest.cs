using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Policy.Locks;

/// <summary>
/// <c>lock &lt;service&gt; &lt;reason&gt;</c> and <c>unlock &lt;service&gt;</c>: approvers of a service hold it by hand
/// (an incident, a migration) in the same lock item releases use, so a manual lock refuses deploys on every instance.
/// </summary>
public sealed class ManualLockRequest(ServiceCatalog catalog, DeployPolicy policy, DeployLock deployLock, ExecutionLinks links, TimeProvider time)
{
    public Task LockAsync(ReplyContext reply, LockCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        return AnsweringStoreErrorsAsync(reply, command.Service, () => LockCoreAsync(reply, command, usage, ct), ct);
    }

    public Task UnlockAsync(ReplyContext reply, UnlockCommand command, string usage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(command);
        return AnsweringStoreErrorsAsync(reply, command.Service, () => UnlockCoreAsync(reply, command, usage, ct), ct);
    }

    private async Task LockCoreAsync(ReplyContext reply, LockCommand command, string usage, CancellationToken ct)
    {
        if (await ServiceAsync(reply, command.Service, usage, ct) is not { } service)
        {
            return;
        }

        var mention = reply.Mention;
        var candidate = new LockHolder(service.Name, Guid.NewGuid().ToString("N"), reply.User, time.GetUtcNow(),
            EventId: $"{mention.TeamId}/{mention.EventId}", Reason: command.Reason, Thread: $"{mention.Channel}/{mention.ReplyThread}", IsManual: true);
        LockAttempt attempt;
        using (await deployLock.SerializeAsync(service.Name, ct))
        {
            attempt = await deployLock.AcquireAsync(service, candidate, ct);
        }

        switch (attempt)
        {
            case LockAttempt.Acquired acquired:
                await reply.AuditAsync("locked", ct, service.Name, reason: command.Reason);
                await reply.ThreadAsync(LockMessages.Locked(service, acquired.Holder), ct);
                break;
            case LockAttempt.AlreadyOurs:
                break; // a redelivery of this very request, already answered
            case LockAttempt.Held held:
                await reply.AuditAsync("refused", ct, service.Name, executionId: held.Holder.ExecutionId, reason: "locked");
                await reply.ThreadAsync(LockMessages.Held(service, held.Holder, Console(held.Holder), time.GetUtcNow()), ct);
                break;
            case LockAttempt.Busy:
                await reply.AuditAsync("refused", ct, service.Name, reason: "lock busy");
                await reply.ThreadAsync(LockMessages.Busy(service), ct);
                break;
        }
    }

    private async Task UnlockCoreAsync(ReplyContext reply, UnlockCommand command, string usage, CancellationToken ct)
    {
        if (await ServiceAsync(reply, command.Service, usage, ct) is not { } service)
        {
            return;
        }

        using (await deployLock.SerializeAsync(service.Name, ct))
        {
            var holder = await deployLock.HolderAsync(service.Name, ct);
            if (holder is null)
            {
                await reply.AuditAsync("answered", ct, service.Name, reason: "not locked");
                await reply.ThreadAsync(LockMessages.NotLocked(service), ct);
            }
            else if (!holder.IsManual)
            {
                await reply.AuditAsync("refused", ct, service.Name, executionId: holder.ExecutionId, reason: "held by a release");
                await reply.ThreadAsync(LockMessages.HeldByRelease(service, holder, Console(holder), time.GetUtcNow()), ct);
            }
            else if (await deployLock.ReleaseAsync(holder, $"unlocked by {reply.User}", ct))
            {
                await reply.AuditAsync("unlocked", ct, service.Name, reason: holder.Reason);
                await reply.ThreadAsync(LockMessages.Unlocked(service, holder, reply.User, time.GetUtcNow()), ct);
            }
            else
            {
                await reply.AuditAsync("refused", ct, service.Name, reason: "lock busy");
                await reply.ThreadAsync(LockMessages.Busy(service), ct);
            }
        }
    }

    /// <summary>The catalog's service if the user is one of its approvers; otherwise answers and returns null.</summary>
    private async Task<ServiceDefinition?> ServiceAsync(ReplyContext reply, string name, string usage, CancellationToken ct)
    {
        if (!catalog.ByName.TryGetValue(name, out var service))
        {
            await reply.AuditAsync("refused", ct, reason: "unknown service");
            await reply.ThreadAsync(DeployMessages.UnknownService(name, [.. catalog.ByName.Keys], usage), ct);
            return null;
        }

        var may = await policy.MayLockAsync(service, reply.User, ct);
        if (!may.Allowed)
        {
            await reply.AuditAsync("refused", ct, service.Name, reason: "not an approver");
            await reply.EphemeralAsync(DeployMessages.Refused(may.Reason!), ct);
            return null;
        }

        return service;
    }

    private Uri? Console(LockHolder holder) => holder.ExecutionId is { } id ? links.Execution(id) : null;

    // A lock table that refuses (after the SDK's retries) is answered in the thread; nothing was changed.
    private static async Task AnsweringStoreErrorsAsync(ReplyContext reply, string service, Func<Task> handle, CancellationToken ct)
    {
        try
        {
            await handle();
        }
        catch (AwsException e)
        {
            await reply.AuditAsync("failed", ct, service, reason: e.Code);
            await reply.ThreadAsync(LockMessages.StoreFailed(service, e.Code, e.AwsMessage), ct);
        }
    }
}
