using System.Runtime.CompilerServices;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.History;

/// <summary>
/// A service's releases, newest first, read from SSM at each request: DescribeAutomationExecutions of its document,
/// page by page, kept to the executions the daemon tagged with the service. Nothing is stored, so every instance and
/// a restarted one answer the same.
/// </summary>
/// <remarks>Reading stops as soon as the caller has what it needs, and after <see cref="MaxPages"/> pages in any case:
/// a document with thousands of executions costs a bounded number of calls (one ListTagsForResource per row read,
/// cached for the immutable part).</remarks>
public sealed class ReleaseHistory(ISsm ssm, ReleaseDirectory releases)
{
    /// <summary>Pages of up to 50 executions read per question.</summary>
    public const int MaxPages = 4;

    /// <summary>The latest <paramref name="count"/> releases of any status; approvals read fresh from the tags.</summary>
    public async Task<IReadOnlyList<ReleaseRecord>> RecentAsync(ServiceDefinition service, int count, CancellationToken ct)
    {
        var found = new List<ReleaseRecord>(count);
        await foreach (var record in ReadAsync(service, [], fresh: true, ct))
        {
            found.Add(record);
            if (found.Count == count)
                break;
        }

        return found;
    }

    /// <summary>The version live now: the latest successful release, or null when none succeeded (within the bound).</summary>
    public async Task<ReleaseRecord?> LiveAsync(ServiceDefinition service, CancellationToken ct)
    {
        await foreach (var record in ReadAsync(service, ReleaseRecord.SuccessStatuses, fresh: false, ct))
            return record;
        return null;
    }

    /// <summary>Successful releases, newest first, until <paramref name="enough"/> says the caller has what it needs.</summary>
    public async Task<IReadOnlyList<ReleaseRecord>> SuccessesAsync(ServiceDefinition service, Func<IReadOnlyList<ReleaseRecord>, bool> enough, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enough);
        var found = new List<ReleaseRecord>();
        await foreach (var record in ReadAsync(service, ReleaseRecord.SuccessStatuses, fresh: false, ct))
        {
            found.Add(record);
            if (enough(found))
                break;
        }

        return found;
    }

    private async IAsyncEnumerable<ReleaseRecord> ReadAsync(
        ServiceDefinition service, IReadOnlyCollection<string> statuses, bool fresh, [EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await ssm.DescribeAutomationExecutionsPageAsync(service.Document, statuses, token, ct);
            // SSM lists the newest first; sorting the page keeps that true whatever order a page comes in.
            foreach (var execution in answer.Executions.OrderByDescending(e => e.StartTime ?? DateTimeOffset.MaxValue))
            {
                var release = fresh ? await releases.ReadAsync(execution.ExecutionId, ct) : await releases.FindAsync(execution.ExecutionId, ct);
                // Several services may share a document: the service tag says whose release it was.
                if (release is not null && release.Service == service.Name)
                    yield return ReleaseRecord.Of(release, execution.Status, execution.StartTime, execution.EndTime);
            }

            token = answer.NextToken;
            if (token is null)
                yield break;
        }
    }
}
