using System.Text.Json.Nodes;

namespace SocketDeployer.Core.Flow;

/// <summary>Tiny Block Kit constructors; Slack's limits are applied here so no builder can exceed them.</summary>
public static class BlockKit
{
    /// <summary>A section's text may hold at most 3,000 characters.</summary>
    public const int SectionLimit = 3000;

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(Truncate(mrkdwn, SectionLimit)),
    };

    public static JsonObject Context(params string[] mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray([.. mrkdwn.Take(10).Select(text => (JsonNode)Mrkdwn(Truncate(text, SectionLimit)))]),
    };

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    /// <summary>The blocks in order; a null is a block that does not apply to this message and is left out.</summary>
    public static JsonArray Blocks(params JsonObject?[] blocks) => new([.. blocks.OfType<JsonObject>().Take(50)]);

    public static string Truncate(string text, int limit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");
}
