using System.Text.Json.Nodes;

namespace SocketDeployer.Tests.Support;

/// <summary>block_actions payloads built by hand: a stale client clicking a button that is gone, or a forged click.</summary>
public static class ClickPayloads
{
    public static JsonObject Button(string teamId, string user, string channel, string messageTs, string actionId, string value) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = teamId },
        ["api_app_id"] = "A0SANDBOX",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "1.2.3",
        ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "sandbox" },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "socketdeployer.approval",
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1700000000.000001",
        }),
    };
}
