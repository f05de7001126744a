using SocketDeployer.Core.Aws;

namespace SocketDeployer.Core.Flow.Releases;

/// <summary>Finds the Slack thread of an execution through its tags (ListTagsForResource), with a bounded cache.</summary>
/// <remarks>Correlation lives in AWS, so any instance can serve any execution and a restart loses nothing.
/// The cache holds only the immutable part (thread, requester, service, version, status ts).</remarks>
public sealed class ReleaseDirectory(ISsm ssm)
{
    /// <summary>Enough for every release a team runs in weeks; an evicted entry is simply read again.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<string, ReleaseInfo?> cache = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>The release, or null when the execution was not started from Slack.</summary>
    public async Task<ReleaseInfo?> FindAsync(string executionId, CancellationToken ct)
    {
        lock (gate)
        {
            if (cache.TryGetValue(executionId, out var known) && (known is null || known.StatusTs is not null))
            {
                return known;
            }
        }

        return Remember(executionId, await ReadAsync(executionId, ct));
    }

    /// <summary>Fresh from SSM, bypassing the cache: for decisions (clicks, cancels) that must see the latest tags.</summary>
    public async Task<ReleaseInfo?> ReadAsync(string executionId, CancellationToken ct)
    {
        try
        {
            return ReleaseInfo.FromTags(executionId, await ssm.ListTagsAsync(executionId, ct));
        }
        catch (AwsException e) when (e.Code is "InvalidResourceId" or "AutomationExecutionNotFoundException" or "ValidationException")
        {
            return null;
        }
    }

    /// <summary>An execution started outside Slack was just tagged with its thread: later events find it without a read.</summary>
    public void Adopted(ReleaseInfo release)
    {
        ArgumentNullException.ThrowIfNull(release);
        Remember(release.ExecutionId, release);
    }

    private ReleaseInfo? Remember(string executionId, ReleaseInfo? release)
    {
        lock (gate)
        {
            if (cache.TryGetValue(executionId, out var known))
            {
                // An execution's tags only grow. A read that began before it was tagged (an outside execution being
                // announced meanwhile, its status ts being recorded) answers later than the tagging: it must not
                // replace what is known since, or every later event of that release would be taken for not ours.
                if (known is not null && (release is null || (release.StatusTs is null && known.StatusTs is not null)))
                {
                    return known;
                }
            }
            else
            {
                order.Enqueue(executionId);
                while (order.Count > Capacity)
                {
                    cache.Remove(order.Dequeue());
                }
            }

            cache[executionId] = release;
            return release;
        }
    }
}
