using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>The <c>block_actions</c> payload of a button click, shaped like bolt-python's Socket Mode fixture.</summary>
internal static class BlockActionsPayload
{
    /// <summary>The button with <paramref name="actionId"/> and its block's id, or null when the message has none.</summary>
    public static (JsonObject Button, string BlockId)? FindButton(JsonArray? blocks, string actionId)
    {
        foreach (var block in blocks?.OfType<JsonObject>() ?? [])
        {
            var blockId = block["block_id"]?.ToString() ?? "";
            var candidates = block["accessory"] is JsonObject accessory ? [accessory] : block["elements"]?.AsArray().OfType<JsonObject>() ?? [];
            foreach (var element in candidates)
            {
                if (element["type"]?.ToString() == "button" && element["action_id"]?.ToString() == actionId)
                {
                    return (element, blockId);
                }
            }
        }

        return null;
    }

    public static JsonObject Build(
        SlackWorkspaceOptions options,
        SandboxUser user,
        SandboxChannel channel,
        JsonObject message,
        SlackMessageRecord record,
        (JsonObject Button, string BlockId) button,
        string value,
        string actionTs,
        Uri responseBase)
    {
        var action = new JsonObject
        {
            ["action_id"] = button.Button["action_id"]?.DeepClone(),
            ["block_id"] = button.BlockId,
            ["text"] = button.Button["text"]?.DeepClone(),
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = actionTs,
        };
        if (button.Button["style"] is { } style)
        {
            action["style"] = style.DeepClone();
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = user.Name, ["name"] = user.Name, ["team_id"] = options.TeamId },
            ["api_app_id"] = options.AppId,
            ["token"] = EventPayloads.VerificationToken,
            ["container"] = new JsonObject
            {
                ["type"] = "message",
                ["message_ts"] = record.Ts,
                ["channel_id"] = channel.Id,
                ["is_ephemeral"] = record.EphemeralFor is not null,
            },
            ["trigger_id"] = $"{actionTs.Replace(".", "", StringComparison.Ordinal)}.{options.TeamId}.{Guid.NewGuid():N}",
            ["team"] = new JsonObject { ["id"] = options.TeamId, ["domain"] = options.TeamDomain },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = channel.Name },
            ["message"] = message,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = new Uri(responseBase, $"actions/{options.TeamId}/{Guid.NewGuid():N}").AbsoluteUri,
            ["actions"] = new JsonArray(action),
        };
    }
}
