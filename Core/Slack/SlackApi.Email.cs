using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Slack;

public sealed partial class SlackApi
{
    /// <summary>Slack's answer to users.lookupByEmail when no member has the address.</summary>
    public const string UsersNotFound = "users_not_found";

    /// <inheritdoc/>
    /// <remarks>Cached for <see cref="Catalog.SlackOptions.UserGroupCacheTtl"/>, a miss too: a pipeline that names the
    /// same unknown address on every run costs one call per period.</remarks>
    public Task<string?> LookupUserIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return _usersByEmail.GetOrAddAsync(email.Trim().ToLowerInvariant(), async (address, ct) =>
        {
            try
            {
                var root = await PostFormAsync(UsersLookupByEmail, [new("email", address)], ct).ConfigureAwait(false);
                return root.TryGetProperty("user", out var user) ? user.String("id") : null;
            }
            catch (SlackApiException e) when (e.Error == UsersNotFound)
            {
                return null;
            }
        }, cancellationToken);
    }
}
