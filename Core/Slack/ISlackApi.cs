using System.Text.Json.Nodes;

namespace SocketDeployer.Core.Slack;

/// <summary>The Slack Web API methods SocketDeployer calls, and nothing more.</summary>
/// <remarks>
/// Implementations retry 429 (after Retry-After) and transient 5xx/network faults; an
/// <c>{"ok":false}</c> answer surfaces as <see cref="SlackApiException"/> and is never retried.
/// </remarks>
public interface ISlackApi
{
    /// <summary>apps.connections.open with the app-level token: a fresh, single-use websocket URL.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>auth.test with the bot token.</summary>
    Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary>chat.postMessage of a release's message (<see cref="PostPriority.Release"/>); returns the new message's ts.</summary>
    /// <remarks>The release paths (progress, approval prompts, results) post this way; command replies state their class.</remarks>
    Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, threadTs, message, PostPriority.Release, cancellationToken);

    /// <summary>chat.postMessage, waiting for the channel's slot by <paramref name="priority"/>; returns the new message's ts.</summary>
    /// <exception cref="PostShedException">A <see cref="PostPriority.Refusal"/> found too many refusals waiting.</exception>
    Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, PostPriority priority, CancellationToken cancellationToken);

    /// <summary>chat.postEphemeral to one user.</summary>
    Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>chat.update of a message the bot posted.</summary>
    Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>usergroups.users.list: the user IDs in a user group (S…).</summary>
    Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken);

    /// <summary>users.info: the user's display name (falls back to the real name, then the id).</summary>
    Task<string> GetUserNameAsync(string userId, CancellationToken cancellationToken);

    /// <summary>users.lookupByEmail: the id of the workspace member with this email, or null when Slack has none
    /// (<c>users_not_found</c>); other refusals (such as <c>missing_scope</c> for <c>users:read.email</c>) throw.</summary>
    Task<string?> LookupUserIdByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>usergroups.list: a user group's handle (without '@'), for naming it without pinging it.</summary>
    Task<string> GetUserGroupHandleAsync(string userGroupId, CancellationToken cancellationToken);
}

/// <summary>A message body: mrkdwn fallback text and optional Block Kit blocks.</summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks = null);

/// <summary>Who a token belongs to (auth.test).</summary>
public sealed record SlackIdentity(string TeamId, string UserId, string? BotId, string Team, string User);

/// <summary>Slack answered <c>{"ok":false,"error":…}</c>: a permanent, typed failure of one call.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, string? needed = null)
        : base(needed is null ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} (needs scope {needed})")
    {
        Method = method;
        Error = error;
        Needed = needed;
    }

    public SlackApiException()
    {
        Method = Error = "";
    }

    public SlackApiException(string message) : base(message)
    {
        Method = Error = "";
    }

    public SlackApiException(string message, Exception innerException) : base(message, innerException)
    {
        Method = Error = "";
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>not_in_channel</c>.</summary>
    public string Error { get; }

    /// <summary>For <c>missing_scope</c>: the scope Slack said was needed.</summary>
    public string? Needed { get; }
}
