using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Slack;

/// <summary>
/// The Slack Web API over one <see cref="HttpClient"/>: bearer tokens chosen per method, JSON bodies for chat.*,
/// form bodies elsewhere, transient faults retried (429 after Retry-After), lookups cached for
/// <see cref="SlackOptions.UserGroupCacheTtl"/>.
/// </summary>
public sealed partial class SlackApi : ISlackApi
{
    private readonly HttpClient _http;
    private readonly SlackPacing _pacing;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackApi> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ExpiringCache<string, IReadOnlyList<string>> _groupMembers;
    private readonly ExpiringCache<string, string> _userNames;
    private readonly ExpiringCache<string, IReadOnlyDictionary<string, string>> _groupHandles;
    private readonly ExpiringCache<string, string?> _usersByEmail;

    public SlackApi(
        HttpClient http,
        IOptions<SlackOptions> options,
        TimeProvider timeProvider,
        ILogger<SlackApi> logger,
        IOptions<SlackApiResilienceOptions>? resilience = null,
        SlackPacing? pacing = null)
    {
        _pacing = pacing ?? new SlackPacing();
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
        _pipeline = BuildPipeline(resilience?.Value ?? new SlackApiResilienceOptions(), timeProvider, logger);
        var ttl = _options.UserGroupCacheTtl;
        _groupMembers = new ExpiringCache<string, IReadOnlyList<string>>(ttl, timeProvider);
        _userNames = new ExpiringCache<string, string>(ttl, timeProvider);
        _groupHandles = new ExpiringCache<string, IReadOnlyDictionary<string, string>>(ttl, timeProvider);
        _usersByEmail = new ExpiringCache<string, string?>(ttl, timeProvider);
    }

    /// <inheritdoc/>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var root = await PostFormAsync(AppsConnectionsOpen, [], cancellationToken).ConfigureAwait(false);
        var url = root.String("url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException(AppsConnectionsOpen, "missing_url");
    }

    /// <inheritdoc/>
    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        var root = await PostFormAsync(AuthTest, [], cancellationToken).ConfigureAwait(false);
        return new SlackIdentity(
            root.String("team_id") ?? "",
            root.String("user_id") ?? "",
            root.String("bot_id"),
            root.String("team") ?? "",
            root.String("user") ?? "");
    }

    /// <inheritdoc/>
    public Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, threadTs, message, PostPriority.Release, cancellationToken);

    /// <inheritdoc/>
    public async Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, PostPriority priority, CancellationToken cancellationToken)
    {
        var body = MessageBody(channel, message);
        AddIfSet(body, "thread_ts", threadTs);
        if (!await _pacing.PostAsync(channel, priority, cancellationToken).ConfigureAwait(false))
        {
            throw new PostShedException(channel);
        }

        var root = await PostJsonAsync(ChatPostMessage, body, cancellationToken).ConfigureAwait(false);
        return root.String("ts") ?? throw new SlackApiException(ChatPostMessage, "missing_ts");
    }

    /// <inheritdoc/>
    public async Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        AddIfSet(body, "thread_ts", threadTs);
        await PostJsonAsync(ChatPostEphemeral, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        await _pacing.UpdateAsync(cancellationToken).ConfigureAwait(false);
        await PostJsonAsync(ChatUpdate, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken) =>
        _groupMembers.GetOrAddAsync(userGroupId, async (id, ct) =>
        {
            var root = await PostFormAsync(UserGroupsUsersList, [new("usergroup", id)], ct).ConfigureAwait(false);
            IReadOnlyList<string> users = root.TryGetProperty("users", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(u => u.GetString()).OfType<string>()]
                : [];
            return users;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<string> GetUserNameAsync(string userId, CancellationToken cancellationToken) =>
        _userNames.GetOrAddAsync(userId, async (id, ct) =>
        {
            var root = await PostFormAsync(UsersInfo, [new("user", id)], ct).ConfigureAwait(false);
            var user = root.TryGetProperty("user", out var u) ? u : default;
            var profile = user.ValueKind == JsonValueKind.Object && user.TryGetProperty("profile", out var p) ? p : default;
            return FirstNonBlank(profile.String("display_name"), profile.String("real_name"), user.String("real_name"), user.String("name")) ?? id;
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>An unknown group yields its id, so a help text still names something.</remarks>
    public async Task<string> GetUserGroupHandleAsync(string userGroupId, CancellationToken cancellationToken)
    {
        // One usergroups.list answers every group, so the whole map is the cache entry.
        var handles = await _groupHandles.GetOrAddAsync("", async (_, ct) =>
        {
            var root = await PostFormAsync(UserGroupsList, [new("include_disabled", "true")], ct).ConfigureAwait(false);
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("usergroups", out var groups) && groups.ValueKind == JsonValueKind.Array)
            {
                foreach (var group in groups.EnumerateArray())
                {
                    if (group.String("id") is { } id && group.String("handle") is { } handle)
                    {
                        map[id] = handle;
                    }
                }
            }

            return (IReadOnlyDictionary<string, string>)map;
        }, cancellationToken).ConfigureAwait(false);
        return handles.TryGetValue(userGroupId, out var found) ? found : userGroupId;
    }

    private static JsonObject MessageBody(string channel, SlackMessage message)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = message.Text };
        if (message.Blocks is { } blocks)
        {
            // Deep-cloned: a JsonNode has one parent, and the caller may reuse its blocks.
            body["blocks"] = blocks.DeepClone();
        }

        return body;
    }

    private static void AddIfSet(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[name] = value;
        }
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
