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
    ILogger<StatusMessageEditor> logger)
{
    private readonly TimeSpan statusInterval = options.Value.StatusUpdateInterval;

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
        if (AutomationStatus.IsTerminal(state.Status) || now >= due)
        {
            await slack.UpdateMessageAsync(release.Channel, release.StatusTs, ProgressMessages.Status(release, state, links.Execution(release.ExecutionId), now), ct);
            state.StatusMessageStale = false;
            state.LastStatusEdit = now;
        }
        else if (!state.StatusEditScheduled)
        {
            state.StatusEditScheduled = true;
            _ = EditLaterAsync(release, state, due - now);
        }
    }

    private async Task EditLaterAsync(ReleaseInfo release, ReleaseState state, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time);
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
        return release with { StatusTs = ts };
    }
}
