using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>The release's status message: edited in place, coalesced, and replaced when its record was lost.</summary>
public sealed class StatusMessageEditor(
    ISsm ssm,
    ISlackApi slack,
    KeyedLock locks,
    ExecutionLinks links,
    IOptions<DeployOptions> options,
    TimeProvider time,
    ILogger<StatusMessageEditor> logger) : IDisposable
{
    private readonly TimeSpan statusInterval = options.Value.StatusUpdateInterval;

    // Deferred edits still waiting or on their way, so a graceful stop can send them now instead of losing them.
    private readonly HashSet<Task> pending = [];
    private readonly Lock pendingGate = new();
    private readonly CancellationTokenSource draining = new();

    /// <summary>Deferred edits not yet sent.</summary>
    public int Pending
    {
        get
        {
            lock (pendingGate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>Edits the status message: the final state at once, progress at most once per StatusUpdateInterval
    /// (a burst of events becomes one edit, applied later with whatever is newest then).</summary>
    public async Task RefreshAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        if (!state.StatusMessageStale || release.StatusTs is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var due = state.LastStatusEdit + statusInterval;
        if (AutomationStatus.IsTerminal(state.Status) || now >= due || draining.IsCancellationRequested)
        {
            await slack.UpdateMessageAsync(release.Channel, release.StatusTs, ProgressMessages.Status(release, state, links.Execution(release.ExecutionId), now), ct);
            state.StatusMessageStale = false;
            state.LastStatusEdit = now;
        }
        else if (!state.StatusEditScheduled)
        {
            state.StatusEditScheduled = true;
            Track(EditLaterAsync(release, state, due - now));
        }
    }

    /// <summary>At a graceful stop (after the queue and Socket Mode stopped handing over events): sends every deferred
    /// edit now rather than at its time, and waits for them until <paramref name="ct"/> gives up; returns how many
    /// were still unsent then.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        // Taken before the cancel: cancelling may run a waiting edit to its end on this very thread.
        Task[] left;
        lock (pendingGate)
        {
            left = [.. pending];
        }

        await draining.CancelAsync();

        if (left.Length > 0)
        {
            ProgressLog.DrainingStatusEdits(logger, left.Length);
        }

        try
        {
            await Task.WhenAll(left).WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host's stop timeout: what is unsent stays so, the final edit at the result is never deferred.
        }

        var unsent = Pending;
        if (unsent > 0)
        {
            ProgressLog.StatusEditsLeft(logger, unsent);
        }

        return unsent;
    }

    public void Dispose() => draining.Dispose();

    private void Track(Task edit)
    {
        lock (pendingGate)
        {
            if (!edit.IsCompleted)
            {
                pending.Add(edit);
            }
        }

        _ = edit.ContinueWith(
            done =>
            {
                lock (pendingGate)
                {
                    pending.Remove(done);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task EditLaterAsync(ReleaseInfo release, ReleaseState state, TimeSpan delay)
    {
        try
        {
            try
            {
                await Task.Delay(delay, time, draining.Token);
            }
            catch (OperationCanceledException) when (draining.IsCancellationRequested)
            {
                // Stopping: edit now, with whatever is newest.
            }

            using var held = await locks.AcquireAsync(release.ExecutionId, CancellationToken.None);
            state.StatusEditScheduled = false;
            if (state.Retired)
            {
                // The store forgot this state while the edit waited; whatever follows the execution now has its own.
                ProgressLog.StatusEditDropped(logger, release.ExecutionId, "its state was dropped meanwhile");
                return;
            }

            await RefreshAsync(release, state, CancellationToken.None);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // The next event edits it again; a lost progress edit is cosmetic.
            ProgressLog.StatusEditFailed(logger, release.ExecutionId, e);
        }
    }

    /// <summary>The start reply was posted but never recorded (its daemon died in between): the thread gets a new
    /// status message, recorded this time, and the release's lines follow it.</summary>
    public async Task<ReleaseInfo> RecoverAsync(ReleaseInfo release, ReleaseState state, CancellationToken ct)
    {
        var message = ProgressMessages.Resumed(release, links.Execution(release.ExecutionId));
        var ts = await slack.PostMessageAsync(release.Channel, release.ThreadTs, message, ct);
        await ssm.AddTagsAsync(release.ExecutionId, new Dictionary<string, string>(StringComparer.Ordinal) { [ExecutionTags.StatusTs] = ts }, ct);
        ProgressLog.StatusMessageRecovered(logger, release.ExecutionId, ts);
        state.StatusMessageStale = true;
        // Shown in full at once: the new message says only "continues here", and the event that recovers it may be
        // this state's last (a restarted instance's state starts with a recent edit time, which would defer it).
        state.LastStatusEdit = DateTimeOffset.MinValue;
        return release with { StatusTs = ts };
    }
}
