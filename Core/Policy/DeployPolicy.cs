using SocketDeployer.Core.Catalog;

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
