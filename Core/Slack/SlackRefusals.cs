namespace SocketDeployer.Core.Slack;

/// <summary>Slack errors that no retry heals: the token or the app's installation must change first.</summary>
public static class SlackRefusals
{
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
        "not_allowed_token_type", "missing_scope", "no_permission", "team_access_not_granted",
    };

    /// <summary>Whether <paramref name="e"/> is a refusal of the credentials themselves, so the daemon must stop.</summary>
    public static bool IsPermanent(SlackApiException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Permanent.Contains(e.Error);
    }
}
