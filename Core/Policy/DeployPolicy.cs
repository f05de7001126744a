using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Core.Policy;

/// <summary>Who may deploy where, and who may approve (four-eyes: never the requester).</summary>
public sealed class DeployPolicy(ServiceCatalog catalog, PeopleDirectory people)
{
    public bool IsAllowedChannel(string channel) => catalog.Channels.Contains(channel);

    public async Task<PolicyDecision> MayDeployAsync(ServiceDefinition service, string user, CancellationToken cancellationToken) =>
        await people.ContainsAsync(service.Deployers, user, cancellationToken)
            ? PolicyDecision.Allow
            : PolicyDecision.Refuse($"You are not a deployer of *{service.Name}*. Ask someone listed in `help` to run it, or an admin to add you.");

    public async Task<PolicyDecision> MayApproveAsync(ServiceDefinition service, string user, string requester, CancellationToken cancellationToken)
    {
        if (string.Equals(user, requester, StringComparison.Ordinal))
        {
            return PolicyDecision.Refuse($"You requested this release of *{service.Name}*; someone else has to approve it.");
        }

        return await people.ContainsAsync(service.Approvers, user, cancellationToken)
            ? PolicyDecision.Allow
            : PolicyDecision.Refuse($"You are not an approver of *{service.Name}*.");
    }

    /// <summary>Who may approve a break-glass release: never the requester; an approver of the service or a break-glass approver.</summary>
    public async Task<PolicyDecision> MayApproveBreakGlassAsync(ServiceDefinition service, string user, string requester, CancellationToken cancellationToken)
    {
        if (string.Equals(user, requester, StringComparison.Ordinal))
        {
            return PolicyDecision.Refuse($"You requested this break-glass release of *{service.Name}*; someone else has to approve it.");
        }

        return await people.ContainsAsync(service.Approvers, user, cancellationToken) || await people.ContainsAsync(catalog.BreakGlassApprovers, user, cancellationToken)
            ? PolicyDecision.Allow
            : PolicyDecision.Refuse($"You are not an approver of *{service.Name}* nor a break-glass approver.");
    }

    /// <summary>How many approvals the release needs: the service's, one more when it breaks glass.</summary>
    public static int NeededApprovals(ServiceDefinition service, bool breakGlass) =>
        breakGlass ? BreakGlassQuorum.Needed(service.RequiredApprovals) : service.RequiredApprovals;

    /// <summary>How many of <paramref name="approvals"/> count towards <see cref="NeededApprovals"/>.</summary>
    public async Task<int> CountedApprovalsAsync(ServiceDefinition service, IReadOnlyList<string> approvals, bool breakGlass, CancellationToken cancellationToken)
    {
        if (!breakGlass)
        {
            return approvals.Count;
        }

        var roles = new List<(bool, bool)>(approvals.Count);
        foreach (var user in approvals)
        {
            roles.Add((await people.ContainsAsync(service.Approvers, user, cancellationToken), await people.ContainsAsync(catalog.BreakGlassApprovers, user, cancellationToken)));
        }

        return BreakGlassQuorum.Counted(roles, service.RequiredApprovals);
    }

    /// <summary>Manual locks (<c>lock</c>, <c>unlock</c>) are for the approvers of the service.</summary>
    public async Task<PolicyDecision> MayLockAsync(ServiceDefinition service, string user, CancellationToken cancellationToken) =>
        await people.ContainsAsync(service.Approvers, user, cancellationToken)
            ? PolicyDecision.Allow
            : PolicyDecision.Refuse($"Only an approver of *{service.Name}* can lock or unlock it.");

    /// <summary>Cancelling is for the requester or an approver of the service.</summary>
    public async Task<PolicyDecision> MayCancelAsync(ServiceDefinition service, string user, string requester, CancellationToken cancellationToken) =>
        string.Equals(user, requester, StringComparison.Ordinal) || await people.ContainsAsync(service.Approvers, user, cancellationToken)
            ? PolicyDecision.Allow
            : PolicyDecision.Refuse($"Only the requester or an approver of *{service.Name}* can cancel this release.");
}
