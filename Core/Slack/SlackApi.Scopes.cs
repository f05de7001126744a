namespace SocketDeployer.Core.Slack;

public sealed partial class SlackApi
{
    internal const string AppsConnectionsOpen = "apps.connections.open";
    internal const string AuthTest = "auth.test";
    internal const string ChatPostMessage = "chat.postMessage";
    internal const string ChatPostEphemeral = "chat.postEphemeral";
    internal const string ChatUpdate = "chat.update";
    internal const string UserGroupsUsersList = "usergroups.users.list";
    internal const string UserGroupsList = "usergroups.list";
    internal const string UsersInfo = "users.info";
    internal const string UsersLookupByEmail = "users.lookupByEmail";

    /// <summary>
    /// The scope each Web API method needs; an empty string means none (auth.test).
    /// apps.connections.open's scope belongs to the app-level token, all others to the bot token.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RequiredScopes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AppsConnectionsOpen] = "connections:write",
        [AuthTest] = "",
        [ChatPostMessage] = "chat:write",
        [ChatPostEphemeral] = "chat:write",
        [ChatUpdate] = "chat:write",
        [UserGroupsUsersList] = "usergroups:read",
        [UserGroupsList] = "usergroups:read",
        [UsersInfo] = "users:read",
        [UsersLookupByEmail] = "users:read.email",
    };

    /// <summary>Every Web API method this client calls, for checking the Slack app manifest.</summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(RequiredScopes.Keys, StringComparer.Ordinal);

    /// <summary>Whether a method is called with the app-level token (xapp-…) rather than the bot token.</summary>
    public static bool UsesAppToken(string method) => method == AppsConnectionsOpen;
}
