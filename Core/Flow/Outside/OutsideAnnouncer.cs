using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>Announces an outside execution once across every instance: claim (conditional put), resolve the requester,
/// post the announcement, record it on the claim, post the status reply, tag the execution.</summary>
/// <remarks>The loser of the claim waits for the winner's tags (its event is retried); a claim whose owner has not
/// tagged within <see cref="ClaimGrace"/> is taken over, in the thread the owner recorded if it got that far.</remarks>
public sealed class OutsideAnnouncer(
    ISsm ssm, ISlackApi slack, ServiceCatalog catalog, ReleaseDirectory releases, IAnnouncementClaims claims,
    ExecutionLinks links, IAuditLog audit, TimeProvider time, ILogger<OutsideAnnouncer> logger)
{
    /// <summary>How long a claim's owner has to announce and tag: two posts and a tag take a second, and the queue
    /// redelivers the loser's event within 35 s (5 + 10 + 20), well before the redrive policy's fifth receive.</summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromSeconds(30);

    // One id per process: a claim this instance made on an earlier, failed attempt is still its own.
    private readonly string owner = Guid.NewGuid().ToString("N");

    /// <summary>The announced release, or <see cref="Adoption.Waiting"/> while another instance announces it.</summary>
    public async Task<Adoption> AnnounceOnceAsync(OutsideExecution outside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outside);
        var id = outside.Execution.ExecutionId;
        var now = time.GetUtcNow();
        if (await claims.ClaimAsync(id, owner, now, ct) is not { } claim)
        {
            return Adoption.Waiting;
        }

        if (claim.Owner != owner)
        {
            if (await releases.ReadAsync(id, ct) is { } tagged)
            {
                releases.Adopted(tagged);
                OutsideLog.AnnouncedElsewhere(logger, id, tagged.Channel, tagged.ThreadTs);
                return Adoption.Of(tagged);
            }

            if (now - claim.Since < ClaimGrace || !await claims.TryTakeOverAsync(claim, owner, now, ct))
            {
                OutsideLog.BeingAnnounced(logger, id, claim.Since);
                return Adoption.Waiting;
            }

            OutsideLog.TookOver(logger, id, claim.Since, claim.Thread);
        }

        return await PostAndTagAsync(outside, claim.Thread, ct);
    }

    private async Task<Adoption> PostAndTagAsync(OutsideExecution outside, string? recordedThread, CancellationToken ct)
    {
        var id = outside.Execution.ExecutionId;
        outside = await RequesterResolution.ResolveAsync(outside, slack, ct);
        if (outside.Unresolved is { } why)
        {
            OutsideLog.RequesterUnresolved(logger, id, outside.RequestedBy, why);
        }

        var (channel, thread) = Split(recordedThread) ?? (catalog.ChannelOf(outside.Service), "");
        if (thread.Length == 0)
        {
            thread = await slack.PostMessageAsync(channel, null, OutsideMessages.Announcement(outside, links.Execution(id)), ct);
            if (!await claims.TryRecordThreadAsync(id, owner, $"{channel}/{thread}", ct))
            {
                // Stalled past the grace and taken over: the new owner announces; this instance stops here.
                OutsideLog.LostClaim(logger, id, channel, thread);
                return Adoption.Waiting;
            }
        }

        var status = await slack.PostMessageAsync(channel, thread, OutsideMessages.Following(outside), ct);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{channel}/{thread}",
            [ExecutionTags.Requester] = outside.Requester,
            [ExecutionTags.Service] = outside.Service.Name,
            [ExecutionTags.Version] = outside.Version,
            [ExecutionTags.StatusTs] = status,
            [ExecutionTags.Outside] = outside.IsGate ? "gate" : "deploy",
        };
        if (OutsideMessages.UnresolvedTag(outside) is { } unresolved)
        {
            tags[ExecutionTags.Unresolved] = unresolved;
        }

        await ssm.AddTagsAsync(id, tags, ct);
        var release = new ReleaseInfo(id, channel, thread, outside.Requester, outside.Service.Name, outside.Version, status, tags);
        releases.Adopted(release);
        OutsideLog.Announced(logger, id, outside.Service.Name, outside.ExecutedBy, channel, thread);
        var reason = outside.Unresolved is { } unknown ? $"{outside.ExecutedBy}; requester {outside.RequestedBy} unresolved: {unknown}" : outside.ExecutedBy;
        await audit.AppendAsync(
            new AuditEntry(outside.IsGate ? "gate" : "outside", "announced", outside.Requester.Length > 0 ? outside.Requester : outside.RequestedBy,
                channel, null, outside.Service.Name, outside.Version, id, reason),
            ct);
        return Adoption.Of(release);
    }

    private static (string Channel, string Ts)? Split(string? thread)
    {
        var slash = thread?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return thread is not null && slash > 0 && slash < thread.Length - 1 ? (thread[..slash], thread[(slash + 1)..]) : null;
    }
}
