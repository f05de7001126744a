using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>auth.test, apps.connections.open, users.info, users.lookupByEmail, usergroups.list and usergroups.users.list.</summary>
internal sealed class DirectoryMethods(WorkspaceContext workspace)
{
    public JsonObject AuthTest(JsonObject args)
    {
        _ = args;
        var options = workspace.Options;
        return new JsonObject
        {
            ["ok"] = true,
            ["url"] = $"https://{options.TeamDomain}.slack.com/",
            ["team"] = options.TeamName,
            ["user"] = options.BotUserName,
            ["team_id"] = options.TeamId,
            ["user_id"] = options.BotUserId,
            ["bot_id"] = options.BotId,
            ["is_enterprise_install"] = false,
        };
    }

    public JsonObject ConnectionsOpen(JsonObject args)
    {
        _ = args;
        if (workspace.Faults.TakeConnectionsOpenError() is { } error)
        {
            throw new SlackApiError(error);
        }

        var ticket = workspace.Tickets.Issue();
        var url = new UriBuilder(workspace.BaseUri) { Scheme = "ws", Path = "/link/", Query = "ticket=" + ticket };
        return new JsonObject { ["ok"] = true, ["url"] = url.Uri.AbsoluteUri };
    }

    public JsonObject UsersInfo(JsonObject args) =>
        UserAnswer(workspace.Directory.User(args.String("user")) ?? throw new SlackApiError("user_not_found"));

    /// <summary>Slack's answer is users.info's; an address no member has is <c>users_not_found</c> (plural, unlike users.info).</summary>
    public JsonObject UsersLookupByEmail(JsonObject args) =>
        UserAnswer(workspace.Directory.UserByEmail(args.String("email")) ?? throw new SlackApiError("users_not_found"));

    private JsonObject UserAnswer(SandboxUser user)
    {
        var profile = new JsonObject
        {
            ["real_name"] = user.Name,
            ["display_name"] = user.Name,
            ["real_name_normalized"] = user.Name,
            ["display_name_normalized"] = user.Name,
            ["team"] = workspace.Options.TeamId,
        };
        if (user.Email is { } email)
        {
            profile["email"] = email;
        }

        if (user.IsBot && user.Id == workspace.Options.BotUserId)
        {
            profile["bot_id"] = workspace.Options.BotId;
        }

        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = workspace.Options.TeamId,
                ["name"] = user.Name,
                ["deleted"] = false,
                ["real_name"] = user.Name,
                ["tz"] = "Europe/London",
                ["tz_label"] = "Greenwich Mean Time",
                ["tz_offset"] = 0,
                ["profile"] = profile,
                ["is_admin"] = false,
                ["is_owner"] = false,
                ["is_bot"] = user.IsBot,
                ["is_app_user"] = false,
                ["updated"] = workspace.UnixNow,
            },
        };
    }

    public JsonObject UserGroupsList(JsonObject args)
    {
        var includeUsers = args.Bool("include_users");
        var groups = new JsonArray();
        foreach (var group in workspace.Directory.Groups())
        {
            var json = new JsonObject
            {
                ["id"] = group.Id,
                ["team_id"] = workspace.Options.TeamId,
                ["is_usergroup"] = true,
                ["name"] = group.Handle,
                ["description"] = "",
                ["handle"] = group.Handle,
                ["is_external"] = false,
                ["date_create"] = group.Created.ToUnixTimeSeconds(),
                ["date_update"] = group.Created.ToUnixTimeSeconds(),
                ["date_delete"] = 0,
                ["auto_type"] = null,
                ["created_by"] = "USLACKBOT",
                ["updated_by"] = "USLACKBOT",
                ["deleted_by"] = null,
                ["prefs"] = new JsonObject { ["channels"] = new JsonArray(), ["groups"] = new JsonArray() },
                ["user_count"] = group.Members.Count,
            };
            if (includeUsers)
            {
                json["users"] = new JsonArray([.. group.Members.Select(m => (JsonNode)m)]);
            }

            groups.Add(json);
        }

        return new JsonObject { ["ok"] = true, ["usergroups"] = groups };
    }

    public JsonObject UserGroupUsers(JsonObject args)
    {
        var group = workspace.Directory.Group(args.String("usergroup")) ?? throw new SlackApiError("no_such_subteam");
        return new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. group.Members.Select(m => (JsonNode)m)]) };
    }
}
