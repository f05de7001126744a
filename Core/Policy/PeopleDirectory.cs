using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Policy;

/// <summary>Answers "is this user one of these people?", expanding user groups through Slack.</summary>
/// <remarks>Group membership is cached by <see cref="ISlackApi"/> for <c>Slack:UserGroupCacheTtl</c>,
/// so a person removed from a group loses the right once the TTL passes.</remarks>
public sealed class PeopleDirectory(ISlackApi slack)
{
    public async Task<bool> ContainsAsync(IReadOnlyList<string> people, string userId, CancellationToken cancellationToken)
    {
        foreach (var id in people)
        {
            // A group id is never a person: a payload naming "S0APPROVERS" as its user must not match the group itself.
            if (!id.StartsWith('S') && string.Equals(id, userId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var id in people)
        {
            if (id.StartsWith('S'))
            {
                var members = await slack.GetUserGroupMembersAsync(id, cancellationToken);
                if (members.Contains(userId, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads every user group once, so the first requests after start do not each wait for Slack.</summary>
    public async Task WarmAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids.Where(id => id.StartsWith('S')).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await slack.GetUserGroupMembersAsync(id, cancellationToken);
            }
            catch (SlackApiException)
            {
                // Best effort: a request that needs the group reads it again and reports the failure then.
            }
        }
    }

    /// <summary>A name for each ID that does not ping: "@bob", "@prod-approvers".</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            try
            {
                names[id] = "@" + (id.StartsWith('S')
                    ? await slack.GetUserGroupHandleAsync(id, cancellationToken)
                    : await slack.GetUserNameAsync(id, cancellationToken));
            }
            catch (SlackApiException)
            {
                // A missing name must not break help; the ID is still informative.
                names[id] = id;
            }
        }

        return names;
    }
}
