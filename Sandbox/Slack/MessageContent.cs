using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>Validates text and blocks of chat.* calls with Slack's limits and error codes.</summary>
internal static class MessageContent
{
    public const int MaxBlocks = 50;
    public const int MaxTextLength = 40_000;

    /// <summary>The text (or null) and the blocks (or null); <c>no_text</c> when <paramref name="required"/> and both are missing.</summary>
    public static (string? Text, JsonArray? Blocks) Read(JsonObject args, bool required)
    {
        var text = args.String("text");
        var blocks = args["blocks"] is { } node ? ParseBlocks(node) : null;
        if (required && text is null && blocks is null or { Count: 0 } && args["attachments"] is null)
        {
            throw new SlackApiError("no_text");
        }

        if (text is { Length: > MaxTextLength })
        {
            throw new SlackApiError("msg_too_long");
        }

        return (text, blocks);
    }

    private static JsonArray? ParseBlocks(JsonNode node)
    {
        JsonNode? parsed = node;
        if (node is JsonValue value && value.TryGetValue<string>(out var raw))
        {
            if (raw.Length == 0)
            {
                return null;
            }

            try
            {
                parsed = JsonNode.Parse(raw);
            }
            catch (JsonException)
            {
                throw new SlackApiError("invalid_blocks");
            }
        }

        if (parsed is not JsonArray array || array.Count > MaxBlocks)
        {
            throw new SlackApiError("invalid_blocks");
        }

        var blocks = array.DeepClone().AsArray();
        foreach (var block in blocks)
        {
            if (block is not JsonObject obj || obj["type"] is not JsonValue type || !type.TryGetValue<string>(out _))
            {
                throw new SlackApiError("invalid_blocks");
            }

            // Slack gives every block without one a short random block_id, and echoes it in block_actions.
            obj["block_id"] ??= Guid.NewGuid().ToString("N")[..4];
        }

        return blocks;
    }
}
