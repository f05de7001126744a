using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Policy;

/// <summary>
/// The per-service deploy lock: an item in the shared lock store, taken and handed on only by compare-and-set, so it
/// holds across connections, instances and restarts. Within one process, requests for a service also queue behind
/// each other, so the store sees no needless conflicts.
/// </summary>
public sealed class DeployLock
{
    /// <summary>Statuses that mean an execution still holds the service.</summary>
    public static readonly IReadOnlyList<string> RunningStatuses = ["Pending", "InProgress", "Waiting"];

    /// <summary>How long a release's lock with no execution recorded holds before it may be taken over (its acquirer is
    /// then taken for dead); <see cref="StaleLockCheck.StartGrace"/>, for the Sandbox's fault scenarios.</summary>
    public static TimeSpan StartGrace => StaleLockCheck.StartGrace;

    // Acquire → read → take over can lose to another instance each time; after a few rounds the holder is reported.
    private const int Rounds = 4;

    private readonly ISsm ssm;
    private readonly ILockStore store;
    private readonly ILogger<DeployLock> logger;
    private readonly TimeProvider time;
    private readonly StaleLockCheck staleness;
    private readonly KeyedLock local = new();

    public DeployLock(ISsm ssm, ILockStore store, TimeProvider time, ILogger<DeployLock> logger)
    {
        this.ssm = ssm;
        this.store = store;
        this.logger = logger;
        this.time = time;
        staleness = new StaleLockCheck(ssm, store, FindRunningAsync, time, logger);
    }

    /// <summary>Queues this request behind others for the same service in this process; dispose to let the next one in.</summary>
    public Task<IDisposable> SerializeAsync(string service, CancellationToken ct) => local.AcquireAsync(service, ct);

    /// <summary>Takes the lock for <paramref name="candidate"/>, or says who holds it.</summary>
    public async Task<LockAttempt> AcquireAsync(ServiceDefinition service, LockHolder candidate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(candidate);
        LockHolder? last = null;
        for (var round = 0; round < Rounds; round++)
        {
            if (await store.TryAcquireAsync(candidate, ct))
            {
                LockLog.Acquired(logger, service.Name, candidate.EventId ?? candidate.Requester);
                return new LockAttempt.Acquired(candidate);
            }

            if (await store.GetAsync(service.Name, ct) is not { } holder)
            {
                continue; // released between the put and the read
            }

            last = holder;
            if (holder.EventId is not null && holder.EventId == candidate.EventId)
            {
                if (holder.ExecutionId is not null || holder.IsManual)
                {
                    return new LockAttempt.AlreadyOurs(holder);
                }

                // Another delivery of this event took it and may since have died, failed its start and given it back,
                // or outlived StartGrace: going on with what was read could start without the lock. Hold it afresh.
                if (await store.TryTakeOverAsync(holder, candidate, ct))
                {
                    return new LockAttempt.AlreadyOurs(candidate, time.GetUtcNow() - holder.Since < StaleLockCheck.StartGrace);
                }

                continue;
            }

            if (await staleness.WhyStaleAsync(service, holder, ct) is not { } why)
            {
                return new LockAttempt.Held(await store.GetAsync(service.Name, ct) ?? holder);
            }

            if (await store.TryTakeOverAsync(holder, candidate, ct))
            {
                LockLog.TookOver(logger, service.Name, holder.Requester, holder.Since, holder.ExecutionId, why);
                return new LockAttempt.Acquired(candidate, holder);
            }
        }

        LockLog.Contended(logger, service.Name);
        return last is null ? new LockAttempt.Busy() : new LockAttempt.Held(last);
    }

    /// <summary>Records the execution the holder started, so the lock is released when it ends.</summary>
    public async Task RecordExecutionAsync(LockHolder holder, string executionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (!await store.TryRecordExecutionAsync(holder, executionId, ct))
        {
            LockLog.LostBeforeRecord(logger, holder.Service, executionId);
        }
    }

    /// <summary>Gives the lock back (a failed start, a manual unlock); false when the holder no longer holds it.</summary>
    public async Task<bool> ReleaseAsync(LockHolder holder, string why, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var released = await store.TryReleaseAsync(holder.Service, holder.Token, ct);
        if (released)
        {
            LockLog.Released(logger, holder.Service, why);
        }

        return released;
    }

    /// <summary>Frees the service when the release holding it is this execution (it ended), or is the hold of the event
    /// that started it with no execution recorded yet; otherwise does nothing.</summary>
    /// <param name="eventTag">The execution's event tag (team/event), when it was started from Slack.</param>
    public async Task ReleaseEndedAsync(string service, string executionId, string? eventTag, CancellationToken ct)
    {
        if (await store.TryReleaseExecutionAsync(service, executionId, ct))
        {
            LockLog.Released(logger, service, $"execution {executionId} ended");
            return;
        }

        // Its acquirer died before recording it, or the end came first: that event can start nothing more (its
        // ClientToken names this execution), so its hold is given back now, by token, rather than after StartGrace.
        if (eventTag is not null
            && await store.GetAsync(service, ct) is { ExecutionId: null, IsManual: false } holder && holder.EventId == eventTag
            && await store.TryReleaseAsync(service, holder.Token, ct))
        {
            LockLog.Released(logger, service, $"execution {executionId} of event {eventTag} ended before it was recorded");
        }
    }

    /// <summary>The current holder, or null when the service is free.</summary>
    public Task<LockHolder?> HolderAsync(string service, CancellationToken ct) => store.GetAsync(service, ct);

    /// <summary>The running execution of the service's document, if any, and who asked for it: the lock also refuses a
    /// release while one started outside Slack (the console, a pipeline) is running.</summary>
    public async Task<RunningRelease?> FindRunningAsync(ServiceDefinition service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var running = await ssm.DescribeAutomationExecutionsAsync(service.Document, [.. RunningStatuses], cancellationToken);
        var execution = running.OrderBy(e => e.StartTime ?? DateTimeOffset.MaxValue).FirstOrDefault();
        if (execution is null)
        {
            return null;
        }

        var tags = await ssm.ListTagsAsync(execution.ExecutionId, cancellationToken);
        return new RunningRelease(
            execution,
            tags.GetValueOrDefault(ExecutionTags.Requester),
            tags.GetValueOrDefault(ExecutionTags.Version),
            tags.GetValueOrDefault(ExecutionTags.Event));
    }
}

/// <summary>An execution holding a service's lock; Requester is null when it was not started from Slack.</summary>
public sealed record RunningRelease(AutomationExecutionSummary Execution, string? Requester, string? Version, string? EventId);
