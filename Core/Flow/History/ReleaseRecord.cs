using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.History;

/// <summary>One past or running release of a service, as SSM and the daemon's tags on it tell.</summary>
/// <param name="Approvers">Who approved it in Slack (user ids); empty when nobody did (yet).</param>
/// <param name="Status">The execution's status: Success, Failed, InProgress …</param>
public sealed record ReleaseRecord(
    string ExecutionId,
    string Service,
    string Version,
    string Requester,
    IReadOnlyList<string> Approvers,
    string Status,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool IsRollback)
{
    /// <summary>The statuses that mean the version went live.</summary>
    public static readonly IReadOnlyList<string> SuccessStatuses = ["Success", "CompletedWithSuccess"];

    public bool Succeeded => SuccessStatuses.Contains(Status, StringComparer.Ordinal);

    /// <summary>The record of an execution from its tags; approvers only from a Slack approval.</summary>
    public static ReleaseRecord Of(ReleaseInfo release, string status, DateTimeOffset? start, DateTimeOffset? end)
    {
        ArgumentNullException.ThrowIfNull(release);
        var approval = ApprovalTags.From(release.Tags);
        IReadOnlyList<string> approvers = approval.DecisionKind == "approved" ? approval.DecidedBy : [];
        return new ReleaseRecord(
            release.ExecutionId, release.Service, release.Version, release.Requester, approvers, status, start, end,
            release.Tags.GetValueOrDefault(ChangeTags.Kind) == ChangeTags.RollbackKind);
    }
}
